using Newtonsoft.Json.Linq;

namespace ReflectBot.Dialogs.Prompts;

/// <summary>
/// The question a persisted dialog stack is waiting on: the innermost open prompt's own words, read from the stack
/// as stored (a component's inner stack included), without running any dialog. The safety screen asks for it when it
/// has to know what a message answers (round ten's closeness rule); it is only ever read, never changed.
/// </summary>
public static class PromptState
{
    internal const string OptionsKey = "options";

    /// <summary>The open prompt's question, or null when nothing on the stack is waiting on a prompt.</summary>
    public static string? OpenQuestion(DialogState? state)
    {
        // A component keeps its own stack inside its state; a journey's prompt sits two levels down. The depth is
        // bounded by what the bot nests (a handful), and the guard keeps a malformed stored stack from looping.
        for (var depth = 0; state is { DialogStack.Count: > 0 } && depth < 16; depth++)
        {
            var top = state.DialogStack[0];
            if (top.State[OptionsKey] is JObject options && options.Value<string>("prompt") is { } prompt)
            {
                return prompt;
            }

            if (top.State[ComponentDialog.InnerStateKey] is not JObject)
            {
                return null;
            }

            state = ComponentDialog.Load(top);
        }

        return null;
    }
}
