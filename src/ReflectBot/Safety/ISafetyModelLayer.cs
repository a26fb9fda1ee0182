namespace ReflectBot.Safety;

/// <summary>The second layer of the screen: reads a message the lexicon found no live risk in.</summary>
public interface ISafetyModelLayer
{
    /// <summary>Clear or possible risk, a past experience (Level Past), or null when the layer cannot run (not loaded yet, disabled).</summary>
    ScreenResult? Read(string text, LexiconReading reading);
}
