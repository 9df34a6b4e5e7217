namespace NodeManager.Hocon;

/// <summary>
/// Definitions of one path that cannot be merged before resolution because at least one holds a substitution.
/// <see cref="Stack"/> runs from the highest priority (latest) to the lowest; a substitution in element i that
/// refers to this very path sees the merge of the elements after i (self-reference, <c>+=</c>).
/// </summary>
internal sealed class ConfigDelayedMerge : ConfigValue
{
    private ConfigDelayedMerge(IReadOnlyList<ConfigValue> stack)
        : base(stack[0].Origin)
    {
        Stack = stack;
    }

    public IReadOnlyList<ConfigValue> Stack { get; }

    public override ConfigValueType ValueType => throw ConfigSubstitution.Unresolved(this);

    public override bool IsResolved => false;

    public static ConfigValue Create(ConfigValue higher, ConfigValue lower)
    {
        var stack = new List<ConfigValue>();
        Add(stack, higher);
        Add(stack, lower);
        // Nothing below a value that hides its fallbacks can ever show: a resolved non-object, or an object that was
        // itself merged over a non-object.
        var end = stack.FindIndex(v => v is ConfigObject { IgnoresFallbacks: true } || (v.IsResolved && v is not ConfigObject));
        return new ConfigDelayedMerge(end < 0 ? stack : stack[..(end + 1)]);
    }

    /// <summary>The merge of the elements from <paramref name="start"/> on, or null when there are none.</summary>
    public ConfigValue? Rest(int start) => start >= Stack.Count
        ? null
        : start == Stack.Count - 1 ? Stack[start] : new ConfigDelayedMerge([.. Stack.Skip(start)]);

    internal override ConfigValue Relativize(IReadOnlyList<string> prefix) =>
        new ConfigDelayedMerge([.. Stack.Select(v => v.Relativize(prefix))]);

    internal static ConfigValue FromStack(IReadOnlyList<ConfigValue> stack) =>
        stack.Count == 1 ? stack[0] : new ConfigDelayedMerge(stack);

    private static void Add(List<ConfigValue> stack, ConfigValue value)
    {
        if (value is ConfigDelayedMerge merge)
        {
            stack.AddRange(merge.Stack);
        }
        else
        {
            stack.Add(value);
        }
    }
}
