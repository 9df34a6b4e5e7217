using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NodeManager.Core.Configuration;
using NodeManager.Hocon;

namespace NodeManager.Benchmarks.Hocon;

/// <summary>
/// What start-up pays for configuration: parsing the embedded reference.conf, resolving its substitutions, and
/// layering an operator file over it. The baseline is System.Text.Json reading the same tree rendered as JSON, the
/// cheapest way .NET has to read that much structure; the ratio is the price of HOCON's origins, merging and
/// substitutions (a few hundred microseconds, once per start). Target: parse + resolve of reference.conf under 2 ms.
/// </summary>
[Config(typeof(ShortJobs.Controller))]
[MemoryDiagnoser]
public class ReferenceConfParseBenchmark
{
    private const string OperatorFile = """
        node-manager {
          cluster-name = bench
          scaling { high-water-mark = 85, low-water-mark = 30 }
          persistence.journal.connection-string = "Data Source="${?HOME}"/nm.db"
        }
        """;

    private string _reference = "";
    private string _json = "";

    [GlobalSetup]
    public void Setup()
    {
        _reference = NodeManagerConfig.ReferenceText;
        _json = ConfigRenderer.RenderJson(NodeManagerConfig.Reference.Root);
    }

    [Benchmark(Baseline = true)]
    public int JsonDocumentOfTheSameTree()
    {
        using var document = JsonDocument.Parse(_json);
        return document.RootElement.GetProperty("node-manager").EnumerateObject().Count();
    }

    [Benchmark]
    public int ParseReference() => ConfigFactory.ParseString(_reference, "reference.conf").UnresolvedRoot.Count;

    [Benchmark]
    public int ParseAndResolveReference() =>
        ConfigFactory.ParseString(_reference, "reference.conf").Resolve(ConfigResolveOptions.NoEnvironment).Root.Count;

    [Benchmark]
    public int OperatorFileOverReference() => ConfigFactory.ParseString(OperatorFile, "ops.conf")
        .WithFallback(ConfigFactory.ParseString(_reference, "reference.conf"))
        .Resolve()
        .GetInt("node-manager.scaling.high-water-mark");
}
