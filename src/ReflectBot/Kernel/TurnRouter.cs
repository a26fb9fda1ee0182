using Microsoft.Extensions.DependencyInjection;

namespace ReflectBot.Kernel;

/// <summary>Runs a message turn through the <see cref="RouteTable"/>: the first row whose handler takes the message ends it.</summary>
public sealed class TurnRouter
{
    private readonly RouteTable _table;
    private readonly (TurnRoute TurnRoute, ITurnCommand Handler)[] _rows;

    public TurnRouter(RouteTable table, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _rows = [.. table.Routes.Select(r => (r, (ITurnCommand)services.GetRequiredService(r.Handler)))];
    }

    public async Task RouteAsync(TurnInfo turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        foreach (var (route, handler) in _rows)
        {
            // A row that runs may change the stack (an answer that ends a dialog), so ask each time.
            if (_table.MayInterrupt(route, turn.Dialogs.ActiveDialog?.Id)
                && await handler.TryHandleAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                // The kind of turn for telemetry: the row's kind and its handler's type, never the message.
                turn.Context.TurnState[ReflectBotTelemetry.RouteKey] = route.Kind + ":" + handler.GetType().Name;
                return;
            }
        }
    }
}
