namespace NodeManager.Actors;

public interface ICancelable
{
    bool IsCancellationRequested { get; }

    /// <summary>Idempotent. A message already delivered is not recalled.</summary>
    void Cancel();
}
