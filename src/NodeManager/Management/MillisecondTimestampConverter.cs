using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NodeManager.Management;

/// <summary>
/// Writes every timestamp of the management API in UTC with millisecond precision (<c>2026-12-03T10:04:05.123Z</c>):
/// one width whatever the clock's resolution or the value's offset, so that values sort as text and read alike.
/// Reads any ISO 8601 timestamp.
/// </summary>
internal sealed class MillisecondTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
