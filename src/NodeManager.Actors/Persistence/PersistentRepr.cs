namespace NodeManager.Actors.Persistence;

/// <summary>
/// One journaled event in its stored form: the serializer has already turned the event into
/// <paramref name="Payload"/> under the stable <paramref name="Manifest"/>, so stores never see CLR types.
/// <paramref name="Timestamp"/> is stamped by the journal when it writes (the value given is ignored).
/// </summary>
public sealed record PersistentRepr(
    string PersistenceId,
    long SequenceNr,
    string Manifest,
    byte[] Payload,
    string WriterUuid = "",
    DateTimeOffset Timestamp = default);
