using ArchUnitNET.Loader;

namespace ReflectBot.Tests.Architecture;

/// <summary>
/// Which top-level folders of <c>src/ReflectBot</c> use which, read from the compiled assemblies by ArchUnitNET
/// (every type reference: signatures, fields, attributes and method bodies, fully qualified names included),
/// with one example type pair per edge, and the rules the layering asks of it.
/// </summary>
public sealed class FolderGraph
{
    /// <summary>The waterfall runtime, its own assembly.</summary>
    public const string Runtime = "ReflectBot.Dialogs";

    /// <summary>The turn kernel: turn info, identity and keys, the state-key helper, the command contract.</summary>
    public const string Kernel = "Kernel";

    public const string Content = "Content";

    public const string Storage = "Storage";

    /// <summary>Composes everything; Program.cs (the global namespace) counts as Hosting.</summary>
    public const string Hosting = "Hosting";

    /// <summary>What a layer may use besides itself. Features may also use each other, without a cycle.</summary>
    private static readonly Dictionary<string, string[]> Below = new(StringComparer.Ordinal)
    {
        [Runtime] = [],
        [Kernel] = [Runtime],
        [Content] = [Kernel, Runtime],
        [Storage] = [Kernel, Runtime],
    };

    private static readonly Lazy<FolderGraph> Built = new(Load);

    public FolderGraph(IReadOnlyDictionary<(string From, string To), string> edges) => Edges = edges;

    /// <summary>Folder to folder, with one type pair that makes the edge ("JournalStore -> IItemStore").</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges { get; }

    public static FolderGraph OfTheBot => Built.Value;

    /// <summary>Every edge against the layering, in words; empty when the folders depend one way.</summary>
    public IReadOnlyList<string> Violations()
    {
        var problems = new List<string>();
        foreach (var ((from, to), example) in Edges.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            if (to == Hosting)
            {
                problems.Add($"{from} -> {to} ({example}): Hosting only composes; nothing may depend on it.");
            }
            else if (Below.TryGetValue(from, out var allowed) && !allowed.Contains(to))
            {
                problems.Add($"{from} -> {to} ({example}): {from} may use only {(allowed.Length == 0 ? "nothing of ReflectBot" : string.Join(", ", allowed))}.");
            }
        }

        foreach (var cycle in Cycles())
        {
            problems.Add($"cycle among feature folders: {string.Join(" -> ", cycle)} (e.g. {string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(p => Edges[(p.First, p.Second)]))}).");
        }

        return problems;
    }

    /// <summary>Each strongly connected set of folders, as a closed path through it (first folder repeated at the end).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Edges.Keys.SelectMany(k => new[] { k.From, k.To }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var next = nodes.ToDictionary(n => n, n => Edges.Keys.Where(k => k.From == n).Select(k => k.To).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in nodes)
        {
            if (seen.Contains(start) || PathBack(start, start, next, []) is not { } path)
            {
                continue;
            }

            cycles.Add(path);
            seen.UnionWith(path);
        }

        return cycles;
    }

    public static bool IsFeature(string folder) => folder is not (Runtime or Kernel or Content or Storage or Hosting);

    private static List<string>? PathBack(string at, string target, Dictionary<string, List<string>> next, List<string> path)
    {
        path = [.. path, at];
        foreach (var to in next[at])
        {
            if (to == target)
            {
                return [.. path, to];
            }

            if (!path.Contains(to) && PathBack(to, target, next, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static FolderGraph Load()
    {
        var bot = typeof(Program).Assembly;
        var runtime = typeof(ReflectBot.Dialogs.Dialog).Assembly;
        var architecture = new ArchLoader().LoadAssemblies(bot, runtime).Build();
        var edges = new Dictionary<(string, string), string>();
        foreach (var type in architecture.Types)
        {
            if (FolderOf(type.Namespace?.FullName, type.Name, type.Assembly?.FullName == runtime.FullName) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                var inOurs = target.Assembly?.FullName is { } assembly && (assembly == bot.FullName || assembly == runtime.FullName);
                if (!inOurs || FolderOf(target.Namespace?.FullName, target.Name, target.Assembly?.FullName == runtime.FullName) is not { } to || to == from)
                {
                    continue;
                }

                edges.TryAdd((from, to), $"{Outer(type.Name)} -> {Outer(target.Name)}");
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>The top-level folder of a type of the bot (ReflectBot.Channels.Teams: Channels), or null for generated code.</summary>
    public static string? FolderOf(string? ns, string name, bool inRuntime)
    {
        if (inRuntime)
        {
            return ns is not null && ns.StartsWith(Runtime, StringComparison.Ordinal) ? Runtime : null;
        }

        if (string.IsNullOrEmpty(ns))
        {
            // Program.cs's top-level statements; the compiler's own helpers live here too.
            return name.StartsWith("Program", StringComparison.Ordinal) ? Hosting : null;
        }

        var parts = ns.Split('.');
        return parts[0] == "ReflectBot" && parts.Length > 1 ? parts[1] : null;
    }

    // A lambda's or an iterator's generated class names its outer type first ("JournalStore+<>c").
    private static string Outer(string name) => name.Split('+', '<')[0] is { Length: > 0 } outer ? outer : name;
}
