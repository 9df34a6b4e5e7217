using Akka.Configuration.Hocon;
using FsCheck;
using FsCheck.Fluent;
using NodeManager.Hocon.Akka;

namespace NodeManager.Hocon.Tests.Akka;

/// <summary>Any resolved tree must reach Akka's tree with the same keys, shapes and texts.</summary>
public sealed class AkkaConfigConverterPropertySpec
{
    private static readonly ConfigOrigin Origin = ConfigOrigin.Unknown("generated");

    // Keys and strings carry what Akka's own text parser mangles: dots, quotes, '$', braces, '#', "//", newlines,
    // unicode, the word include, numeric-looking text, padding and the word null.
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Elements("", "a", "include", "1", "1.5", "true", "null", "a.b", "My.Type, My.Assembly", "with space",
            "q\"uote", "back\\slash", "${x}", "#hash", "//c", "line\nbreak", "é ü 🐢", "x:y", "[]{}", "  padded  ", "a +"),
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements("abz-_.\" ${}\\/#:=,+\n".ToCharArray()), n)).Select(cs => new string(cs)));

    private static readonly Gen<ConfigValue> Scalar = Gen.OneOf(
        Text.Select(s => (ConfigValue)ConfigScalar.String(s, Origin)),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (ConfigValue)ConfigScalar.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Origin)),
        Gen.Choose(-1000, 1000).Select(i => (ConfigValue)ConfigScalar.Number((i / 8.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture), Origin)),
        Gen.Elements(true, false).Select(b => (ConfigValue)ConfigScalar.Boolean(b, Origin)),
        Gen.Constant((ConfigValue)ConfigScalar.Null(Origin)));

    private static Gen<ConfigValue> Value(int size) => size <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Value(size / 2), n)).Select(items => (ConfigValue)new ConfigList(Origin, [.. items]))),
            (1, Object(size / 2).Select(o => (ConfigValue)o)));

    private static Gen<ConfigObject> Object(int size) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Text.Zip(Value(size)), n))
            .Select(fields => ConfigObject.Create(Origin, fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));

    [Fact]
    public void Every_tree_must_reach_akka_with_the_same_keys_shapes_and_texts()
    {
        Prop.ForAll(Gen.Sized(Object).ToArbitrary(), tree => Same(tree, AkkaConfigConverter.Convert(tree).Root))
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
