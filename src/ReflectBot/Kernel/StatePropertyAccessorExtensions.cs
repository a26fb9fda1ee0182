using Microsoft.Bot.Builder;

namespace ReflectBot.Kernel;

public static class StatePropertyAccessorExtensions
{
    /// <summary>
    /// Gets a state property and pins the returned object into the turn's state cache. Our stores return
    /// plain JSON (no type names), and Bot Builder's accessor converts it to <typeparamref name="T"/> on
    /// each get without keeping the converted object; changes to it would then never be saved.
    /// </summary>
    public static async Task<T> GetPinnedAsync<T>(this IStatePropertyAccessor<T> accessor, ITurnContext turnContext, Func<T> create, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        var value = await accessor.GetAsync(turnContext, create, cancellationToken).ConfigureAwait(false);
        await accessor.SetAsync(turnContext, value, cancellationToken).ConfigureAwait(false);
        return value;
    }
}
