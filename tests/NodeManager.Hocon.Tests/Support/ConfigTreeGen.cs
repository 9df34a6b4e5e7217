using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace NodeManager.Hocon.Tests.Support;

/// <summary>
/// Random configuration trees for the property specs: objects, lists and every scalar type, with keys and strings
/// drawn from the text generator each spec supplies (each spec picks the characters its subject finds hard).
/// </summary>
public sealed class ConfigTreeGen(Gen<string> text)
{
    private static readonly ConfigOrigin Origin = ConfigOrigin.Unknown("generated");

    /// <summary>Texts from a list of hard cases and from random strings over <paramref name="alphabet"/>.</summary>
    public static Gen<string> Texts(string[] hardCases, string alphabet) => Gen.OneOf(
        Gen.Elements(hardCases),
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), n)).Select(cs => new string(cs)));

    /// <summary>Trees whose depth and width grow with FsCheck's size.</summary>
    public Gen<ConfigObject> Trees => Gen.Sized(Object);

    private Gen<ConfigValue> Scalar => Gen.OneOf(
        text.Select(s => (ConfigValue)ConfigScalar.String(s, Origin)),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (ConfigValue)ConfigScalar.Number(i.ToString(CultureInfo.InvariantCulture), Origin)),
        Gen.Choose(-1000, 1000).Select(i => (ConfigValue)ConfigScalar.Number((i / 8.0).ToString("R", CultureInfo.InvariantCulture), Origin)),
        Gen.Elements(true, false).Select(b => (ConfigValue)ConfigScalar.Boolean(b, Origin)),
        Gen.Constant((ConfigValue)ConfigScalar.Null(Origin)));

    private Gen<ConfigValue> Value(int size) => size <= 0
        ? Scalar
        : Gen.Frequency(
            (4, Scalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ListOf(Value(size / 2), n)).Select(items => (ConfigValue)new ConfigList(Origin, [.. items]))),
            (1, Object(size / 2).Select(o => (ConfigValue)o)));

    private Gen<ConfigObject> Object(int size) =>
        Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(text.Zip(Value(size)), n))
            .Select(fields => ConfigObject.Create(Origin, fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
}
