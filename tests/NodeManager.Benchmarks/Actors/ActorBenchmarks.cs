namespace NodeManager.Benchmarks.Actors;

/// <summary>
/// The configuration the actor suites run under: Akka's defaults (the product's <c>akka</c> section keeps the default
/// dispatcher and its throughput of 30), with Akka's own logging limited to warnings.
/// </summary>
public static class ActorBenchmarks
{
    public static Akka.Configuration.Config Config { get; } = Akka.Configuration.ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        """);
}
