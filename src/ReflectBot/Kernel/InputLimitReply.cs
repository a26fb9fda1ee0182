namespace ReflectBot.Kernel;

/// <summary>
/// What a person is told when a message is over <see cref="InputLimits"/>. The sentence is content
/// (dialogs/strings/hosting.yaml); the kernel sits below Content, so Hosting hands it in.
/// </summary>
public sealed record InputLimitReply(string Text);
