using ReflectBot.Content;

namespace ReflectBot.Upgrade;

/// <summary>
/// What the upgrade's part of "delete my data" says it erased, in <c>dialogs/strings/upgrade.yaml</c>. Everything else
/// the upgrade says is operator output of <c>upgrade-data</c>, not the bot's voice.
/// </summary>
public static class UpgradeStrings
{
    public static readonly StringKey ErasedEarlier = new("upgrade.erasedEarlier");
}
