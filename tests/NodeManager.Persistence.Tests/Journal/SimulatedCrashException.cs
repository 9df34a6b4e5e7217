namespace NodeManager.Persistence.Tests.Journal;

/// <summary>Thrown from inside a write transaction to stand for the process dying mid-batch.</summary>
public sealed class SimulatedCrashException() : Exception("simulated crash in the middle of a batch");
