using Akka.Configuration.Hocon;
using FsCheck;
using FsCheck.Fluent;
using NodeManager.Hocon.Akka;
using NodeManager.Hocon.Tests.Support;

namespace NodeManager.Hocon.Tests.Akka;

/// <summary>Any resolved tree must reach Akka's tree with the same keys, shapes and texts.</summary>
public sealed class AkkaConfigConverterPropertySpec
{
    // Keys and strings carry what Akka's own text parser mangles: dots, quotes, '$', braces, '#', "//", newlines,
    // unicode, the word include, numeric-looking text, padding and the word null.
    private static readonly Gen<ConfigObject> Trees = new ConfigTreeGen(ConfigTreeGen.Texts(
        ["", "a", "include", "1", "1.5", "true", "null", "a.b", "My.Type, My.Assembly", "with space",
            "q\"uote", "back\\slash", "${x}", "#hash", "//c", "line\nbreak", "é ü 🐢", "x:y", "[]{}", "  padded  ", "a +"],
        "abz-_.\" ${}\\/#:=,+\n")).Trees;

    [Fact]
    public void Every_tree_must_reach_akka_with_the_same_keys_shapes_and_texts()
    {
        Prop.ForAll(Trees.ToArbitrary(), tree => Same(tree, AkkaConfigConverter.Convert(tree).Root))
            .QuickCheckThrowOnFailure();
    }

    private static bool Same(ConfigValue ours, HoconValue akka) => ours switch
    {
        ConfigObject obj => akka.GetObject() is { } akkaObject
            && akkaObject.Items.Count == obj.Count
            && obj.Fields.All(f => akkaObject.Items.TryGetValue(f.Key, out var child) && Same(f.Value, child)),
        ConfigList list => akka.Values is [HoconArray array]
            && array.Count == list.Items.Count
            && list.Items.Zip(array, Same).All(same => same),
        ConfigScalar scalar => akka.IsString() && akka.GetString() == AsAkkaReadsIt(scalar.Text),
        _ => false,
    };

    // Akka's HoconValue.GetString trims, then reads "null" as null (documented on AkkaConfigConverter).
    private static string? AsAkkaReadsIt(string text) => text.Trim() is var trimmed && trimmed == "null" ? null : trimmed;
}
