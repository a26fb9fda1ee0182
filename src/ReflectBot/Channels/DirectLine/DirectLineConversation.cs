using System.Globalization;
using System.Text;

namespace ReflectBot.Channels.DirectLine;

/// <summary>
/// One conversation's activity log, in the order the page should see it, bounded in count and in bytes (the
/// oldest go first). The watermark is the number of activities ever appended, so "activities after watermark
/// w" stays right when old ones are trimmed. Turns are taken one at a time (<see cref="TurnLock"/>) so two
/// posts cannot race on the bot's state. A closed conversation ("delete my data") holds nothing and takes nothing.
/// </summary>
public sealed class DirectLineConversation
{
    private readonly object _gate = new();
    private readonly Queue<string> _activities = new();
    private readonly int _capacity;
    private readonly long _maxBytes;
    private long _bytes;
    private long _dropped;

    public DirectLineConversation(string id, string userId, int capacity, long maxBytes, DateTimeOffset sessionStart, DateTimeOffset now)
    {
        Id = id;
        UserId = userId;
        _capacity = capacity;
        _maxBytes = maxBytes;
        SessionStart = sessionStart;
        LastActive = now;
    }

    public string Id { get; }

    /// <summary>The only user who may read or post here: the one its tokens name.</summary>
    public string UserId { get; }

    /// <summary>When its first token was issued; no token for it lives past this plus the absolute lifetime.</summary>
    public DateTimeOffset SessionStart { get; }

    public bool Started { get; private set; }

    public bool Closed { get; private set; }

    public DateTimeOffset LastActive { get; private set; }

    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>The bytes the log holds now (UTF-16 characters counted as two).</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _activities.Count;
            }
        }
    }

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

    /// <summary>
    /// Reserves the next activity id and appends the activity that <paramref name="build"/> makes with it; on a
    /// closed conversation nothing is kept (the id is still returned, so a sender needs no special case).
    /// </summary>
    public string Append(Func<string, string> build, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_gate)
        {
            var sequence = _dropped + _activities.Count;
            var id = Id + "|" + sequence.ToString("D7", CultureInfo.InvariantCulture);
            if (Closed)
            {
                return id;
            }

            var json = build(id);
            _activities.Enqueue(json);
            _bytes += SizeOf(json);
            while (_activities.Count > 1 && (_activities.Count > _capacity || _bytes > _maxBytes))
            {
                _bytes -= SizeOf(_activities.Dequeue());
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
            var skip = (int)(Math.Clamp(start, _dropped, total) - _dropped);
            var json = new StringBuilder("{\"activities\":[");
            var first = true;
            foreach (var activity in _activities.Skip(skip))
            {
                json.Append(first ? string.Empty : ",").Append(activity);
                first = false;
            }

            return json.Append("],\"watermark\":\"").Append(total.ToString(CultureInfo.InvariantCulture)).Append("\"}").ToString();
        }
    }

    /// <summary>Empties the log and takes nothing more ("delete my data").</summary>
    public void Close()
    {
        lock (_gate)
        {
            Closed = true;
            _dropped += _activities.Count;
            _activities.Clear();
            _bytes = 0;
        }
    }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            LastActive = now;
        }
    }

    private static long SizeOf(string json) => (long)json.Length * sizeof(char);
}
