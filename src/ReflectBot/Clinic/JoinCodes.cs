using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace ReflectBot.Clinic;

/// <summary>
/// Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), single-use, expiring,
/// revocable. Checking a code counts failures per user and refuses further tries past the limit, so
/// codes cannot be guessed by trying many.
/// </summary>
public sealed class JoinCodes(ClinicStore store, TimeProvider time, IOptions<ClinicOptions> options)
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 6;

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

    /// <summary>Checks a code a client typed, counting a failure against the client.</summary>
    public async Task<(CodeStatus Status, Versioned<JoinCode>? Code)> CheckAsync(string clientId, string typed, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var log = await store.GetAsync<WrongCodeLog>(ClinicKeys.WrongCodes(clientId), cancellationToken).ConfigureAwait(false);
        if (log is not null && log.Failures.Count(f => f > now - _options.WrongCodeWindow) >= _options.WrongCodeLimit)
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
            await store.UpdateAsync<WrongCodeLog>(ClinicKeys.WrongCodes(clientId), current =>
            {
                var next = current ?? new WrongCodeLog();
                next.Failures = [.. next.Failures.Where(f => f > now - _options.WrongCodeWindow), now];
                return next;
            }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The code in canonical form (upper case, no spaces or dashes), or null when it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        var code = new string((typed ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        return code.Length == Length && code.All(Alphabet.Contains) ? code : null;
    }
}
