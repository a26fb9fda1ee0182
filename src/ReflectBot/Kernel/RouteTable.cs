namespace ReflectBot.Kernel;

/// <summary>
/// The routing table: rows tried in order until one takes the message, and each dialog's interruption policy.
/// Declared once (Hosting/TurnRoutes); run by <see cref="TurnRouter"/>.
/// </summary>
public sealed class RouteTable
{
    public RouteTable(IReadOnlyList<TurnRoute> routes, IReadOnlyList<InterruptionPolicy> interruptions)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(interruptions);
        if (routes.GroupBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two routes are named '{twice.Key}'.", nameof(routes));
        }

        foreach (var policy in interruptions)
        {
            if (!routes.Any(r => r.Name == policy.LastRoute && r.CanBeHeldBack))
            {
                throw new ArgumentException($"The policy of '{policy.DialogId}' names '{policy.LastRoute}', which is no command of the table.", nameof(interruptions));
            }
        }

        Routes = routes;
        Interruptions = interruptions;
    }

    public IReadOnlyList<TurnRoute> Routes { get; }

    public IReadOnlyList<InterruptionPolicy> Interruptions { get; }

    /// <summary>Whether <paramref name="route"/> may take the message while <paramref name="activeDialogId"/> is in progress.</summary>
    public bool MayInterrupt(TurnRoute route, string? activeDialogId)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (!route.CanBeHeldBack || activeDialogId is null || Interruptions.FirstOrDefault(p => p.DialogId == activeDialogId) is not { } policy)
        {
            return true;
        }

        var last = Routes.Select((r, i) => (r, i)).First(x => x.r.Name == policy.LastRoute).i;
        return Routes.Select((r, i) => (r, i)).First(x => ReferenceEquals(x.r, route)).i <= last;
    }

    /// <summary>The code's phrase rows (words and commands) that claim <paramref name="text"/>, in table order.</summary>
    public IEnumerable<TurnRoute> Claiming(string text)
        => Routes.Where(r => r.Claims is not null && r.Kind is RouteKind.Word or RouteKind.Command && r.Claims(text));
}
