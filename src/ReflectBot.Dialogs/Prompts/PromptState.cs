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
        // A component keeps its own stack inside its state; a journey's prompt sits two levels down. Every level is a
        // new object read from the one above, so the walk ends with the stored JSON (whose depth the reader bounds).
        while (state is { DialogStack.Count: > 0 })
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
