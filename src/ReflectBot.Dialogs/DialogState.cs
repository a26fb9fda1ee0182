using Newtonsoft.Json;

namespace ReflectBot.Dialogs;

/// <summary>The dialog stack as persisted in conversation state. The top of the stack is index 0.</summary>
public sealed class DialogState
{
    public DialogState()
    {
    }

    [JsonConstructor]
    public DialogState(List<DialogInstance>? dialogStack)
    {
        DialogStack = dialogStack ?? [];
    }

    [JsonProperty("dialogStack")]
    public List<DialogInstance> DialogStack { get; } = [];
}
