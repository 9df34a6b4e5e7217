namespace NodeManager.Benchmarks.Persistence;

/// <summary>One event as Akka.Persistence.Sql stores it: whose, which number, its manifest and serialized payload.</summary>
public sealed record JournalRow(string PersistenceId, long SequenceNr, string Manifest, byte[] Message);
