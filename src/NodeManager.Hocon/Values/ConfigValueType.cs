namespace NodeManager.Hocon;

/// <summary>The JSON type of a resolved value.</summary>
public enum ConfigValueType
{
    Object,
    List,
    String,
    Number,
    Boolean,
    Null,
}
