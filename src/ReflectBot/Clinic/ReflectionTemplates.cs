using System.Security.Cryptography;
using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>
/// A clinician's own reflections, each under templates/{clinician}/{id}: only ever read from the asking
/// clinician's own folder, so nobody reaches another's. Saving checks the rules (<see cref="TemplateRules"/>)
/// and screens every word (<see cref="ClinicianTextScreen"/>) before anything is written.
/// </summary>
public sealed class ReflectionTemplates(ClinicStore store, ClinicianTextScreen screen, TimeProvider time, StringCatalog strings)
{
    /// <summary>The clinician's reflections, oldest first (the numbers "my reflections" shows).</summary>
    public async Task<IReadOnlyList<ReflectionTemplate>> OfClinicianAsync(string clinicianId, CancellationToken cancellationToken = default)
    {
        var all = await store.ListValuesAsync<ReflectionTemplate>(ClinicKeys.TemplatesOf(clinicianId), cancellationToken).ConfigureAwait(false);
        return [.. all.Where(t => t.ClinicianId == clinicianId).OrderBy(t => t.CreatedUtc).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>One of the clinician's own reflections by id; null for an unknown or ill-formed id.</summary>
    public async Task<ReflectionTemplate?> FindAsync(string clinicianId, string? templateId, CancellationToken cancellationToken = default)
    {
        if (!IsId(templateId))
        {
            return null;
        }

        var found = await store.GetAsync<ReflectionTemplate>(ClinicKeys.Template(clinicianId, templateId!), cancellationToken).ConfigureAwait(false);
        return found?.ClinicianId == clinicianId ? found : null;
    }

    /// <summary>The clinician's reflection by its number in their list (1-based); null when there is none.</summary>
    public async Task<ReflectionTemplate?> NumberedAsync(string clinicianId, int number, CancellationToken cancellationToken = default)
    {
        var mine = await OfClinicianAsync(clinicianId, cancellationToken).ConfigureAwait(false);
        return number >= 1 && number <= mine.Count ? mine[number - 1] : null;
    }

    /// <summary>
    /// Checks, screens and saves a reflection: new when <paramref name="templateId"/> is null, else the
    /// clinician's own one with that id. Returns what was saved, or the problems (nothing written).
    /// </summary>
    public async Task<(ReflectionTemplate? Saved, IReadOnlyList<string> Problems)> SaveAsync(string clinicianId, string? templateId, string? title, IReadOnlyList<TemplateQuestion> questions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var problems = TemplateRules.Problems(title, questions, strings);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var cleanTitle = title!.Trim();
        var words = questions.SelectMany(q => q.Choices.Prepend(q.Text)).Prepend(cleanTitle);
        if (await screen.HoldsAsync(words, cancellationToken).ConfigureAwait(false))
        {
            return (null, [strings[ReflectionStrings.Held]]);
        }

        var now = time.GetUtcNow();
        ReflectionTemplate template;
        if (templateId is not null)
        {
            if (await FindAsync(clinicianId, templateId, cancellationToken).ConfigureAwait(false) is not { } existing)
            {
                return (null, [strings[ReflectionStrings.NoSuchReflection]]);
            }

            template = existing;
        }
        else
        {
            if ((await OfClinicianAsync(clinicianId, cancellationToken).ConfigureAwait(false)).Count >= TemplateRules.MaxTemplates)
            {
                return (null, [strings.Text(ReflectionStrings.TooManyReflections, ("max", TemplateRules.MaxTemplates))]);
            }

            template = new ReflectionTemplate { Id = NewId(), ClinicianId = clinicianId, CreatedUtc = now };
        }

        template.Title = cleanTitle;
        template.Questions = [.. questions];
        template.UpdatedUtc = now;
        await store.WriteAsync(ClinicKeys.Template(clinicianId, template.Id), template, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (template, []);
    }

    public Task<bool> DeleteAsync(string clinicianId, string templateId, CancellationToken cancellationToken = default)
        => store.DeleteAsync(ClinicKeys.Template(clinicianId, templateId), cancellationToken);

    /// <summary>All of a clinician's reflections, for "delete my data".</summary>
    public Task<int> DeleteAllAsync(string clinicianId, CancellationToken cancellationToken = default)
        => store.DeleteFolderAsync(ClinicKeys.TemplatesOf(clinicianId), cancellationToken);

    public static bool IsId(string? id) => id is { Length: 12 } && id.All(char.IsAsciiHexDigitLower);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
