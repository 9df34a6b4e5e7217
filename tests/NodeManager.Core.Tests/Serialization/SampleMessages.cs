using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Serialization;

namespace NodeManager.Core.Tests.Serialization;

/// <summary>
/// Builds one instance of any message type with every constructor parameter and settable property given a value
/// other than its default, so that a member the serializer drops or cannot read back shows in a round trip. A member
/// of a kind it does not know fails loudly, naming it: teach <see cref="Value"/> the new kind.
/// </summary>
public static class SampleMessages
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(1));

    public static object Create(Type type) => Create(type, depth: 0);

    private static object Create(Type type, int depth)
    {
        if (depth > 4)
            throw new NotSupportedException($"{type.FullName} nests too deep for a sample.");
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"{type.FullName} has no public constructor to build a sample with.");
        var arguments = constructor.GetParameters()
            .Select((p, i) => Value(p.ParameterType, $"{type.Name}.{p.Name}", i + 1, depth))
            .ToArray();
        var instance = constructor.Invoke(arguments);

        var taken = constructor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && !taken.Contains(p.Name));
        var seed = arguments.Length;
        foreach (var property in settable)
            property.SetValue(instance, Value(property.PropertyType, $"{type.Name}.{property.Name}", ++seed, depth));
        return instance;
    }

    private static object Value(Type type, string member, int seed, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Value(underlying, member, seed, depth);
        if (type == typeof(string))
            return $"{member}-{seed}";
        if (type == typeof(int))
            return seed + 1;
        if (type == typeof(long))
            return seed + 1000L;
        if (type == typeof(double))
            return seed + 0.25; // a fraction, so that a value written as a whole number would not pass
        if (type == typeof(bool))
            return true;
        if (type == typeof(DateTimeOffset))
            return T0.AddMinutes(seed);
        if (type.IsEnum)
            return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(IEnumerable<>))
                return List(arguments[0], member, seed, depth);
            if (definition == typeof(ImmutableList<>))
            {
                var items = (System.Collections.IEnumerable)List(arguments[0], member, seed, depth);
                var create = typeof(ImmutableList).GetMethods()
                    .Single(m => m.Name == nameof(ImmutableList.CreateRange) && m.GetParameters().Length == 1)
                    .MakeGenericMethod(arguments[0]);
                return create.Invoke(null, [items])!;
            }

            if (definition == typeof(IReadOnlySet<>))
                return Set(arguments[0], member, seed, depth);
            if (definition == typeof(ImmutableDictionary<,>) && arguments[0] == typeof(string))
                return Dictionary(arguments[1], member, seed, depth);
        }

        // A polymorphic member (e.g. a scaling decision) gets its first derived type: the discriminator is then tested too.
        if (type.IsAbstract && type.GetCustomAttributes<JsonDerivedTypeAttribute>().FirstOrDefault() is { } derived)
            return Create(derived.DerivedType, depth + 1);
        if (type.IsClass && type.Namespace?.StartsWith("NodeManager.", StringComparison.Ordinal) == true)
            return Create(type, depth + 1);
        throw new NotSupportedException($"No sample value for {member} of type {type}: add one to SampleMessages.Value.");
    }

    private static object List(Type item, string member, int seed, int depth)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
        list.Add(Value(item, member, seed, depth));
        list.Add(Value(item, member, seed + 100, depth));
        return list;
    }

    private static object Set(Type item, string member, int seed, int depth)
    {
        var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(item))!;
        var add = set.GetType().GetMethod(nameof(HashSet<object>.Add))!;
        add.Invoke(set, [Value(item, member, seed, depth)]);
        add.Invoke(set, [Value(item, member, seed + 100, depth)]);
        return set;
    }

    private static object Dictionary(Type value, string member, int seed, int depth)
    {
        var pairType = typeof(KeyValuePair<,>).MakeGenericType(typeof(string), value);
        var pairs = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(pairType))!;
        pairs.Add(Activator.CreateInstance(pairType, $"{member}-key-1", Value(value, member, seed, depth)));
        pairs.Add(Activator.CreateInstance(pairType, $"{member}-key-2", Value(value, member, seed + 100, depth)));
        var createRange = typeof(ImmutableDictionary).GetMethods()
            .Single(m => m.Name == nameof(ImmutableDictionary.CreateRange) && m.GetParameters().Length == 1)
            .MakeGenericMethod(typeof(string), value);
        return createRange.Invoke(null, [pairs])!;
    }
}
