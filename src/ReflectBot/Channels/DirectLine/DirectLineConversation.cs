using System.Globalization;
using System.Text;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// One conversation's activity log, in the order the page should see it. The watermark is the number of
/// activities ever appended, so "activities after watermark w" stays right when old ones are trimmed.
/// Turns are taken one at a time (<see cref="TurnLock"/>) so two posts cannot race on the bot's state.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly object _gate = new();
    private readonly List<string> _activities = [];
    private readonly int _capacity;
    private long _dropped;

    public DirectLineConversation(string id, string userId, int capacity, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        LastActive = now;
    }

    public string Id { get; }

    /// <summary>The only user who may read or post here: the one its tokens name.</summary>
    public string UserId { get; }

    public bool Started { get; private set; }

    public DateTimeOffset LastActive { get; private set; }

    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>Marks the conversation started; false if it already was.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (Started)
            {
                return false;
            }

            Started = true;
            return true;
        }
    }

    /// <summary>Reserves the next activity id and appends the activity that <paramref name="build"/> makes with it.</summary>
    public string Append(Func<string, string> build, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_gate)
        {
            var sequence = _dropped + _activities.Count;
            var id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            _activities.Add(build(id));
            if (_activities.Count > _capacity)
            {
                _activities.RemoveAt(0);
                _dropped++;
            }

            LastActive = now;
            return id;
        }
    }

    /// <summary>The Direct Line "activity set": activities after <paramref name="watermark"/> and the new watermark.</summary>
    public string ActivitySetJson(long watermark)
    {
        lock (_gate)
        {
            var total = _dropped + _activities.Count;
            // A watermark past the end was given out before a restart (the log starts empty again): send
            // the whole log, or what the page posted since would never reach it.
            var start = watermark > total ? 0 : watermark;
            var from = (int)(Math.Clamp(start, _dropped, total) - _dropped);
            var json = new StringBuilder("{\"activities\":[");
            for (var i = from; i < _activities.Count; i++)
            {
                json.Append(i > from ? "," : string.Empty).Append(_activities[i]);
            }

            return json.Append("],\"watermark\":\"").Append(total.ToString(CultureInfo.InvariantCulture)).Append("\"}").ToString();
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            LastActive = now;
        }
    }
}
