using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReflectBot.Clinic;

/// <summary>
/// Join codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), single-use, expiring,
/// revocable. Wrong codes are counted per client and across all clients together, and past either limit no
/// code is even looked up, so codes cannot be guessed by trying many, however many fresh identities a guesser
/// brings (a web chat visitor can get a new one per token).
/// <para>
/// The arithmetic, with the defaults: 31^8 = 852,891,037,441 possible codes. All clients together get at most
/// <see cref="ClinicOptions.GlobalWrongCodeLimit"/> (20) wrong tries per <see cref="ClinicOptions.WrongCodeWindow"/>
/// (15 minutes); over a code's <see cref="ClinicOptions.CodeLifetime"/> (14 days = 1,344 windows) that is at most
/// 26,880 guesses. One clinician's live code is hit with probability at most 26,880 / 8.5e11 ≈ 3.2e-8; even
/// with 1,000 codes live across the whole practice, any hit at all is at most 26,880 × 1,000 / 8.5e11 ≈ 3.2e-5.
/// (With six characters, 31^6 ≈ 8.9e8, the same budget would find one of 1,000 live codes about 3% of the
/// time; hence eight.) The price of the shared limit is that a guessing burst makes every client wait out the
/// window: a delay, never a wrong link.
/// </para>
/// </summary>
public sealed class JoinCodes(ClinicStore store, TimeProvider time, IOptions<ClinicOptions> options)
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    private readonly ClinicOptions _options = options.Value;

    public async Task<JoinCode> CreateAsync(string clinicianId, string clinicianName, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            var code = new JoinCode
            {
                Code = new string(RandomNumberGenerator.GetItems<char>(Alphabet, Length)),
                ClinicianId = clinicianId,
                ClinicianName = clinicianName,
                CreatedUtc = now,
                ExpiresUtc = now + _options.CodeLifetime,
            };

            // Create-only: in the rare case of a collision with an existing code, draw again.
            if (await store.TryCreateAsync(ClinicKeys.Code(code.Code), code, cancellationToken).ConfigureAwait(false))
            {
                return code;
            }
        }
    }

    /// <summary>Revokes one of the clinician's own unused codes; false when there is no such code.</summary>
    public async Task<bool> RevokeAsync(string clinicianId, string typed, CancellationToken cancellationToken = default)
    {
        if (Normalize(typed) is not { } code)
        {
            return false;
        }

        var found = false;
        await store.UpdateAsync<JoinCode>(ClinicKeys.Code(code), current =>
        {
            if (current is null || current.ClinicianId != clinicianId || current.UsedBy is not null)
            {
                return null;
            }

            found = true;
            current.Revoked = true;
            return current;
        }, cancellationToken).ConfigureAwait(false);
        return found;
    }

    /// <summary>Checks a code a client typed, counting a failure against the client and against everyone's shared budget.</summary>
    public async Task<(CodeStatus Status, Versioned<JoinCode>? Code)> CheckAsync(string clientId, string typed, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var log = await store.GetAsync<WrongCodeLog>(ClinicKeys.WrongCodes(clientId), cancellationToken).ConfigureAwait(false);
        if (log is not null && log.Failures.Count(f => f > now - _options.WrongCodeWindow) >= _options.WrongCodeLimit)
        {
            return (CodeStatus.TooManyTries, null);
        }

        var everyone = await store.GetAsync<WrongCodeLog>(ClinicKeys.WrongCodesOfEveryone, cancellationToken).ConfigureAwait(false);
        if (everyone is not null && everyone.Failures.Count(f => f > now - _options.WrongCodeWindow) >= _options.GlobalWrongCodeLimit)
        {
            return (CodeStatus.TooManyTries, null);
        }

        var normalized = Normalize(typed);
        var code = normalized is null ? null : await store.ReadAsync<JoinCode>(ClinicKeys.Code(normalized), cancellationToken).ConfigureAwait(false);
        var status = code?.Value switch
        {
            null => CodeStatus.Unknown,
            { Revoked: true } => CodeStatus.Revoked,
            { UsedBy: not null } => CodeStatus.Used,
            var c when c.ExpiresUtc <= now => CodeStatus.Expired,
            var c when c.ClinicianId == clientId => CodeStatus.OwnCode,
            _ => CodeStatus.Valid,
        };

        if (status is CodeStatus.Unknown or CodeStatus.Revoked or CodeStatus.Used or CodeStatus.Expired)
        {
            await CountFailureAsync(ClinicKeys.WrongCodes(clientId), now, cancellationToken).ConfigureAwait(false);
            await CountFailureAsync(ClinicKeys.WrongCodesOfEveryone, now, cancellationToken).ConfigureAwait(false);
        }

        return (status, code);
    }

    /// <summary>Marks a code used by the client, under the ETag it was checked with: of two clients racing for one code, one wins.</summary>
    public async Task<bool> UseAsync(string clientId, string code, CancellationToken cancellationToken = default)
    {
        var current = await store.ReadAsync<JoinCode>(ClinicKeys.Code(code), cancellationToken).ConfigureAwait(false);
        if (current is null || current.Value.Revoked || current.Value.UsedBy is not null || current.Value.ExpiresUtc <= time.GetUtcNow())
        {
            return false;
        }

        current.Value.UsedBy = clientId;
        current.Value.UsedUtc = time.GetUtcNow();
        return await store.TryReplaceAsync(ClinicKeys.Code(code), current.Value, current.ETag, cancellationToken).ConfigureAwait(false);
    }

    private Task<WrongCodeLog?> CountFailureAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
        => store.UpdateAsync<WrongCodeLog>(key, current =>
        {
            var next = current ?? new WrongCodeLog();
            next.Failures = [.. next.Failures.Where(f => f > now - _options.WrongCodeWindow), now];
            return next;
        }, cancellationToken);

    /// <summary>The code in canonical form (upper case, no spaces or dashes), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
