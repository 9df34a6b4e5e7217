using System.Text;

namespace NodeManager.Actors;

/// <summary>
/// An actor's place in the hierarchy, e.g. <c>akka://nodemanager/user/districts/district-a</c>.
/// Paths share their parents, so a path costs one small object per actor.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private readonly string _address;

    private ActorPath(string address, ActorPath? parent, string name)
    {
        _address = address;
        Parent = parent;
        Name = name;
    }

    /// <summary>The parent path, or null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The system's address, e.g. <c>akka://nodemanager</c>.</summary>
    public string Address => _address;

    public IReadOnlyList<string> Elements
    {
        get
        {
            var elements = new List<string>();
            for (var path = this; path.Parent is not null; path = path.Parent)
            {
                elements.Add(path.Name);
            }

            elements.Reverse();
            return elements;
        }
    }

    public static ActorPath CreateRoot(string address) => new(address, null, string.Empty);

    public ActorPath Child(string name) => new(_address, this, name);

    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    /// <summary>The path without the address, e.g. <c>/user/districts</c>.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null)
        {
            return "/";
        }

        var builder = new StringBuilder();
        AppendElements(builder);
        return builder.ToString();
    }

    public override string ToString() => _address + ToStringWithoutAddress();

    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Name != other.Name || _address != other._address)
        {
            return false;
        }

        return Parent is null ? other.Parent is null : Parent.Equals(other.Parent);
    }

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Parent);

    private void AppendElements(StringBuilder builder)
    {
        if (Parent is null)
        {
            return;
        }

        Parent.AppendElements(builder);
        builder.Append('/').Append(Name);
    }
}
