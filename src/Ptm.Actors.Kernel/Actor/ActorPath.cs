namespace Ptm.Actors.Kernel;

/// <summary>
/// Where an actor lives: its parent's path plus its name, and the uid of this incarnation, so a
/// ref to a stopped actor never equals a ref to a new actor that reuses the name. The string
/// form is built only when asked for (logging, traces), never per message.
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    internal ActorPath(string systemName, ActorPath? parent, string name, long uid)
    {
        SystemName = systemName;
        Parent = parent;
        Name = name;
        Uid = uid;
    }

    public string SystemName { get; }
    public ActorPath? Parent { get; }
    public string Name { get; }
    public long Uid { get; }

    /// <summary>"/user/clone/ptm-1": the path below the system, without the address.</summary>
    public string ToStringWithoutAddress()
    {
        if (Parent is null) return "/";
        var parent = Parent.ToStringWithoutAddress();
        return parent == "/" ? "/" + Name : parent + "/" + Name;
    }

    public override string ToString() => _text ??= "ptm://" + SystemName + ToStringWithoutAddress();

    public bool Equals(ActorPath? other) =>
        other is not null && Uid == other.Uid && Name == other.Name && SystemName == other.SystemName &&
        Equals(Parent, other.Parent);

    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Name, Uid);
}
