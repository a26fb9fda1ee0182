using ReflectBot.Content;
using ReflectBot.Privacy;

namespace ReflectBot.Safety;

/// <summary>The safety plan goes; safety events stay as anonymous counts (they never held what the user wrote).</summary>
public sealed class SafetyDataEraser(SafetyPlanStore plans, SafetyEventStore events, StringCatalog strings) : IUserDataEraser
{
    public async Task<string?> EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        var hadPlan = await plans.DeleteAsync(userId, cancellationToken).ConfigureAwait(false);
        await events.ForgetUserAsync(userId, cancellationToken).ConfigureAwait(false);
        return hadPlan ? strings[SafetyStrings.ErasedPlan] : null;
    }
}
