using System.Runtime.ExceptionServices;

namespace ReflectBot.Hosting;

/// <summary>
/// Runs start-up's content loads side by side and waits for all of them. A load that fails is rethrown as
/// itself (a <see cref="Content.ContentException"/> listing its file, line and problem), not wrapped, so a
/// broken file stops start-up with the same message as when the parts loaded one after another; when more
/// than one part fails, the first in the order given is the one reported.
/// </summary>
public static class ContentStartup
{
    public static T LoadTogether<T>(Func<T> first, params Func<object>[] others)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(others);
        var rest = others.Select(load => Task.Run(load)).ToArray();
        Exception? failure = null;
        var value = default(T);
        try
        {
            value = first();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
        }

        foreach (var task in rest)
        {
            try
            {
                task.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure ??= e;
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return value!;
    }
}
