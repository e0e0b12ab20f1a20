using Ptm.Actors.Cluster.Serialization;

namespace Ptm.Actors.Cluster.Directory;

/// <summary>The directory protocol's part of the pair serializer: manifests are two lower-case letters.</summary>
internal static class DirectoryWire
{
    public static string? Manifest(object o) => o switch
    {
        RegisterManager => "rm",
        ManagerRegistered => "mr",
        LookUpName => "lu",
        NameFound => "nf",
        RegisterSubsidiary => "rs",
        OpenAbandoned => "oa",
        RememberedManager => "rr",
        Recall => "rc",
        Recollection => "ro",
        CountNames => "cn",
        NameCount => "nc",
        _ => null,
    };

    public static void Write(WireWriter w, object obj)
    {
        switch (obj)
        {
            case RegisterManager m: w.Ref(m.Manager); w.Ref(m.LocalClone); w.Int(m.LocalMinor); break;
            case ManagerRegistered m: w.Int(m.Minor); w.Int((int)m.Error); break;
            case LookUpName l: w.Int(l.Minor); w.String(l.From); break;
            case NameFound f: w.Ref(f.Manager); w.Ref(f.LocalClone); w.Int(f.LocalMinor); w.Int((int)f.Error); break;
            case RegisterSubsidiary s: w.Int(s.Minor); w.Ref(s.Manager); w.Ref(s.Subsidiary); w.String(s.From); break;
            case OpenAbandoned a: w.Int(a.Minor); w.String(a.From); break;
            case RememberedManager m: WriteRemembered(w, m); break;
            case Recall: break;
            case Recollection r:
                w.Int(r.Managers.Length);
                foreach (var m in r.Managers) WriteRemembered(w, m);
                w.Int(r.Subsidiaries.Length);
                foreach (var s in r.Subsidiaries) Write(w, s);
                break;
            case CountNames: break;
            case NameCount c: w.Int(c.Count); break;
            default: throw new ArgumentException($"not a pty pair message: {obj.GetType()}", nameof(obj));
        }
    }

    public static object? Read(WireReader r, string manifest) => manifest switch
    {
        "rm" => new RegisterManager(r.Ref()!, r.Ref()!, r.Int()),
        "mr" => new ManagerRegistered(r.Int(), (Errno)r.Int()),
        "lu" => new LookUpName(r.Int(), r.String()),
        "nf" => new NameFound(r.Ref(), r.Ref(), r.Int(), (Errno)r.Int()),
        "rs" => ReadSubsidiary(r),
        "oa" => new OpenAbandoned(r.Int(), r.String()),
        "rr" => ReadRemembered(r),
        "rc" => Recall.Instance,
        "ro" => new Recollection(
            Enumerable.Range(0, r.Int()).Select(_ => ReadRemembered(r)).ToArray(),
            Enumerable.Range(0, r.Int()).Select(_ => ReadSubsidiary(r)).ToArray()),
        "cn" => CountNames.Instance,
        "nc" => new NameCount(r.Int()),
        _ => null,
    };

    private static void WriteRemembered(WireWriter w, RememberedManager m)
    {
        w.Int(m.Minor); w.Ref(m.Manager); w.Ref(m.LocalClone); w.Int(m.LocalMinor);
    }

    private static RememberedManager ReadRemembered(WireReader r) => new(r.Int(), r.Ref()!, r.Ref()!, r.Int());

    private static RegisterSubsidiary ReadSubsidiary(WireReader r) => new(r.Int(), r.Ref()!, r.Ref()!, r.String());
}
