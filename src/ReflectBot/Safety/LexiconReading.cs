using ReflectBot.Content;

namespace ReflectBot.Safety;

/// <summary>
/// What the lexicon found in one message: per class, whether a phrase is live (risk now), past (told as
/// over) or set aside (negated, someone else's, in a story or a course); and the stance the message
/// takes overall. The verdict is <see cref="Live"/>; the rest explains it and feeds the model layer.
/// </summary>
public sealed class LexiconReading
{
    private readonly bool[] _live = new bool[RiskClasses.All.Count + 1];
    private readonly bool[] _past = new bool[RiskClasses.All.Count + 1];
    private readonly bool[] _setAside = new bool[RiskClasses.All.Count + 1];

    /// <summary>The message as the lexicon read it (<see cref="SafetyText.Normalize"/>); the model embeds this form too.</summary>
    public string Normalized { get; internal set; } = string.Empty;

    /// <summary>The most urgent class with a live phrase, or None.</summary>
    public RiskClass Live { get; private set; }

    /// <summary>When nothing is live: the most urgent class told as over, or None.</summary>
    public RiskClass Past { get; private set; }

    public bool FirstPerson { get; internal set; }

    public bool OtherPerson { get; internal set; }

    public bool Setting { get; internal set; }

    public bool PastMarker { get; internal set; }

    public bool PresentMarker { get; internal set; }

    public bool Resolved { get; internal set; }

    public bool Recurrence { get; internal set; }

    public bool Negated { get; internal set; }

    public bool Minor { get; internal set; }

    /// <summary>
    /// A voice, or something in the head, speaks or commands in the message (<c>voiceMarkers</c>). Routing only:
    /// it chooses the voices reply for a live risk and is not one of the model's <see cref="Features"/>.
    /// </summary>
    public bool VoiceSpeaking { get; internal set; }

    public bool Question { get; internal set; }

    public bool TimedOut { get; internal set; }

    /// <summary>Characters examined, summed over every pattern run: grows linearly with the message.</summary>
    public long Work { get; internal set; }

    public bool IsLive(RiskClass risk) => _live[(int)risk];

    public bool IsPast(RiskClass risk) => _past[(int)risk];

    public bool IsSetAside(RiskClass risk) => _setAside[(int)risk];

    /// <summary>Whether any phrase of any class was found, live, past or set aside: the message is on the topic.</summary>
    public bool OnTopic => RiskClasses.All.Any(c => _live[(int)c] || _past[(int)c] || _setAside[(int)c]);

    internal void MarkLive(RiskClass risk) => _live[(int)risk] = true;

    internal void MarkPast(RiskClass risk) => _past[(int)risk] = true;

    internal void SetAside(RiskClass risk) => _setAside[(int)risk] = true;

    internal void Decide()
    {
        // A minor being abused is a child in danger.
        if (Minor && _live[(int)RiskClass.Abuse])
        {
            _live[(int)RiskClass.ChildDanger] = true;
        }

        Live = RiskClasses.All.FirstOrDefault(c => _live[(int)c]);

        // A voice's command carries another class's words ("kill yourself", "cut", "hurt her"), and the reply
        // that fits is the one about the voice, which names the same lines. An attempt in progress still comes
        // first: then the emergency number is what matters, whatever told them to.
        if (VoiceSpeaking && Live is not (RiskClass.None or RiskClass.Attempt))
        {
            Live = RiskClass.Voices;
        }
        Past = Live == RiskClass.None ? RiskClasses.All.FirstOrDefault(c => _past[(int)c]) : RiskClass.None;
    }

    /// <summary>The number of values <see cref="Features"/> returns.</summary>
    public static int FeatureCount => (RiskClasses.All.Count * 3) + 10;

    /// <summary>The stance the model layer gets beside the sentence embedding: per class live, past, set aside; then the message's markers.</summary>
    public float[] Features()
    {
        var features = new float[FeatureCount];
        var i = 0;
        foreach (var risk in RiskClasses.All)
        {
            features[i++] = _live[(int)risk] ? 1 : 0;
            features[i++] = _past[(int)risk] ? 1 : 0;
            features[i++] = _setAside[(int)risk] ? 1 : 0;
        }

        foreach (var flag in new[] { FirstPerson, OtherPerson, Setting, PastMarker, PresentMarker, Resolved, Recurrence, Negated, Minor, Question })
        {
            features[i++] = flag ? 1 : 0;
        }

        return features;
    }
}
