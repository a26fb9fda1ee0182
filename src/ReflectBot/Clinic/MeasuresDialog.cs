using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ReflectBot.Content;
using ReflectBot.Dialogs;
using ReflectBot.Journal;

namespace ReflectBot.Clinic;

/// <summary>All measures as one root dialog: begun with the measure's id, it runs that measure's waterfall.</summary>
public sealed class MeasuresDialog : ComponentDialog, IDescribedDialog
{
    public const string DialogId = "clinic-measure";

    private readonly StringCatalog _strings;

    public string Title => _strings[ClinicStrings.MeasuresTitle];

    public (int Question, int Of)? Progress(DialogInstance instance) => null;

    public MeasuresDialog(MeasureCatalog catalog, IJournalStore journal, ClinicStore store, ISafetyEscalation safety, TimeProvider time, StringCatalog strings)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _strings = strings;
        foreach (var measure in catalog.All)
        {
            AddDialog(new MeasureDialog(measure, journal, store, safety, time, strings));
        }
    }

    /// <summary>Options: which measure.</summary>
    public sealed class Request
    {
        [JsonProperty("measureId")]
        public string MeasureId { get; set; } = string.Empty;
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        var request = options switch
        {
            Request r => r,
            JToken json => json.ToObject<Request>(),
            _ => null,
        };
        return innerDc.BeginDialogAsync(MeasureCatalog.DialogPrefix + (request?.MeasureId ?? string.Empty), null, cancellationToken);
    }
}
