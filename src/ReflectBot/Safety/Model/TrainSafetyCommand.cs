using System.Diagnostics;
using System.Globalization;
using System.Text;
using ReflectBot.Content;
using ReflectBot.Safety.Evaluation;

namespace ReflectBot.Safety.Model;

/// <summary>
/// <c>train-safety [content folder]</c>: trains the model layer on the examples and the development set,
/// chooses its thresholds by cross-validation across authors (train on every author but one, measure on
/// that one), prints the cross-validated figures, and writes <c>safety/model.json</c>. Deterministic: the
/// same content gives the same file.
/// </summary>
public static class TrainSafetyCommand
{
    public const string WeightsFile = "model.json";

    /// <summary><c>--encoders</c>: MiniLM's vectors alone.</summary>
    public const string MiniLmOnly = "minilm";

    /// <summary><c>--encoders</c>: MiniLM's vectors then snowflake-arctic-embed-xs's (round eleven's (d)).</summary>
    public const string PairedEncoders = "minilm+arctic";

    /// <summary>
    /// <c>--per-class</c>: write round ten's guarded per-class possible-risk thresholds into <c>model.json</c> when its
    /// nested test keeps them. Without it the trainer writes one threshold for every class, as the operating-point rule
    /// has shipped since round ten (so the file comes out as shipped, with no hand edit); the nested test is printed either way.
    /// </summary>
    public const string PerClassOption = "--per-class";

    /// <summary>Authors with fewer messages than this are never held out alone (too few to measure on).</summary>
    private const int MinFold = 50;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var content = ContentOptions.ResolveFolder(args.FirstOrDefault(a => !a.StartsWith('-')) ?? new ContentOptions().Path);
        var errors = new List<ContentError>();
        var lexicon = SafetyContentLoader.LoadLexicon(content, errors);
        var messages = SafetyExamples.LoadAll(content, errors);
        if (errors.Count > 0 || lexicon is null)
        {
            foreach (var e in errors)
            {
                await error.WriteLineAsync(e.ToString()).ConfigureAwait(false);
            }

            return 1;
        }

        var watch = Stopwatch.StartNew();
        var screen = new RiskScreen(lexicon);
        Closeness = screen;
        var readings = messages.Select(m => screen.Read(m.Text)).ToList();
        var labels = SafetyModelWeights.LabelsExpected();

        // Out-of-fold probabilities: each author's messages read by a model that never saw that author.
        var folds = Folds(messages);

        // --folds a,b: only those held-out folds (a check against a cache, or a timing); nothing cached or written.
        var only = args.SkipWhile(a => a != "--folds").Skip(1).FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (only is not null)
        {
            folds = [.. folds.Where(only.Contains)];
        }

        var verifyFile = args.SkipWhile(a => a != "--verify-cache").Skip(1).FirstOrDefault();
        SafetyTrainer.Scalar = args.Contains("--scalar");
        // Without --precision, the vectors of the precision the bot reads by default: the model it writes is the one start-up accepts.
        var precisionName = args.SkipWhile(a => a != "--precision").Skip(1).FirstOrDefault() ?? new SafetyOptions().ModelPrecision.ToString();
        if (!Enum.TryParse<ModelPrecision>(precisionName, ignoreCase: false, out var precision) || !Enum.IsDefined(precision))
        {
            await error.WriteLineAsync($"--precision should be Float32 or Int8, not '{precisionName}'.").ConfigureAwait(false);
            return 1;
        }
        // --encoders minilm | minilm+arctic: MiniLM's vectors alone, or MiniLM's then snowflake-arctic-embed-xs's (round eleven's (d)).
        var encodersName = args.SkipWhile(a => a != "--encoders").Skip(1).FirstOrDefault() ?? (SafetyModelFit.SecondEncoder ? PairedEncoders : MiniLmOnly);
        if (encodersName is not (MiniLmOnly or PairedEncoders))
        {
            await error.WriteLineAsync($"--encoders should be {MiniLmOnly} or {PairedEncoders}, not '{encodersName}'.").ConfigureAwait(false);
            return 1;
        }

        var paired = encodersName == PairedEncoders;
        var sentenceLambda = Option(args, "--sentence-lambda", SafetyModelFit.SentenceLambda);
        var messageLambda = Option(args, "--message-lambda", SafetyModelFit.MessageLambda);
        var cacheFolder = args.SkipWhile(a => a != "--cache").Skip(1).FirstOrDefault();
        var cacheFile = cacheFolder is null ? null : Path.Combine(cacheFolder, string.Create(CultureInfo.InvariantCulture, $"oof-{SafetyExamples.TrainingSha256(content)[..16]}-{sentenceLambda:G3}-{messageLambda:G3}-{SafetyModelFit.NgramLambda:G3}{(precision == ModelPrecision.Int8 ? "-int8" : string.Empty)}{(paired ? "-arctic" : string.Empty)}.json"));
        var cached = cacheFile is not null && File.Exists(cacheFile) && !args.Contains("--ngram-sweep") && only is null
            ? Newtonsoft.Json.JsonConvert.DeserializeObject<double[][][]>(await File.ReadAllTextAsync(cacheFile, cancellationToken).ConfigureAwait(false))
            : null;
        // With every out-of-fold probability cached and nothing to write, the embeddings are not needed: the
        // figures of a change that leaves the model's inputs alone (which reply a class gets) take a minute, not ten.
        var encoded = new List<SafetyModelFit.Encoded>(messages.Count);
        if (cached is null || !args.Contains("--no-write"))
        {
            using var embedder = paired ? SentenceEmbedder.Paired(precision) : new SentenceEmbedder(SentenceEmbedder.ModelFiles, precision);
            for (var i = 0; i < messages.Count; i++)
            {
                var text = readings[i].Normalized.Length > 0 ? readings[i].Normalized : messages[i].Text;
                encoded.Add(new SafetyModelFit.Encoded(embedder.EmbedMessage(text, cancellationToken), readings[i].Features(), labels.IndexOf(messages[i].Label)));
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{messages.Count} training messages and their {encoded.Sum(e => e.Embedding.Sentences.Length)} sentences embedded in {watch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        }

        var outOfFold = cached?[0] ?? new double[messages.Count][];
        var texts = messages.Select((m, i) => readings[i].Normalized.Length > 0 ? readings[i].Normalized : m.Text).ToList();
        var three = messages.Select(m => SafetyNgramHead.LabelOf(labels.IndexOf(m.Label))).ToList();
        var lambdas = args.Contains("--ngram-sweep") ? NgramSweepLambdas : [SafetyModelFit.NgramLambda];
        var ngramOutOfFold = lambdas.ToDictionary(l => l, _ => new double[messages.Count][]);
        if (cached is not null)
        {
            ngramOutOfFold[SafetyModelFit.NgramLambda] = cached[1];
        }

        // Every fold is independent: it reads the shared embeddings and writes only its own author's rows, so the
        // folds run side by side and give the same numbers in any order (each fit is deterministic on its own).
        // The final fits on every message join them when the model is written; the biggest work goes first.
        var writing = !args.Contains("--no-write") && only is null;
        SafetyModelWeights? final = null;
        SafetyNgramHead? finalNgram = null;
        var work = new List<(string Name, Action Run)>();
        if (writing)
        {
            work.Add(("final embedding heads", () => final = SafetyModelFit.Fit(encoded, sentenceLambda, messageLambda)));
        }

        foreach (var author in cached is null ? folds : [])
        {
            work.Add(($"fold without {author}", () =>
            {
                var fold = SafetyModelFit.Fit([.. encoded.Where((_, i) => messages[i].Author != author)], sentenceLambda, messageLambda);
                for (var i = 0; i < messages.Count; i++)
                {
                    if (messages[i].Author == author)
                    {
                        outOfFold[i] = fold.Probabilities(encoded[i].Embedding.Whole, encoded[i].Embedding.Sentences, encoded[i].Lexicon);
                    }
                }
            }));
        }

        if (writing)
        {
            work.Add(("final n-gram head", () => finalNgram = SafetyNgramHead.Fit(texts, three, SafetyModelFit.NgramLambda)));
        }

        foreach (var author in cached is null ? folds : [])
        {
            work.Add(($"n-gram fold without {author}", () =>
            {
                var train = Enumerable.Range(0, messages.Count).Where(i => messages[i].Author != author).ToList();
                foreach (var lambda in lambdas)
                {
                    var head = SafetyNgramHead.Fit([.. train.Select(i => texts[i])], [.. train.Select(i => three[i])], lambda);
                    for (var i = 0; i < messages.Count; i++)
                    {
                        if (messages[i].Author == author)
                        {
                            ngramOutOfFold[lambda][i] = head.Probabilities(texts[i]);
                        }
                    }
                }
            }));
        }

        var parallel = (int)Option(args, "--parallel", Environment.ProcessorCount);
        var gate = new object();
        var foldWatch = Stopwatch.StartNew();
        Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellationToken }, item =>
        {
            item.Run();
            lock (gate)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {item.Name} trained ({watch.Elapsed.TotalSeconds:F0} s)"));
            }
        });
        if (work.Count > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{work.Count} fits ({(SafetyTrainer.Vectorised ? "Vector256" : "scalar")}, up to {parallel} at once) in {foldWatch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        }

        if (verifyFile is not null)
        {
            var reference = Newtonsoft.Json.JsonConvert.DeserializeObject<double[][][]>(await File.ReadAllTextAsync(verifyFile, cancellationToken).ConfigureAwait(false))!;
            var (same, compared) = (0, 0);
            for (var i = 0; i < messages.Count; i++)
            {
                foreach (var (mine, theirs) in new[] { (outOfFold[i], reference[0][i]), (ngramOutOfFold[SafetyModelFit.NgramLambda][i], reference[1][i]) })
                {
                    if (mine is null)
                    {
                        continue;
                    }

                    compared += mine.Length;
                    same += mine.Zip(theirs ?? []).Count(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));
                }
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"verify: {same} of {compared} out-of-fold probabilities bit-identical to {Path.GetFileName(verifyFile)}")).ConfigureAwait(false);
            return same == compared && compared > 0 ? 0 : 1;
        }

        if (cacheFile is not null && cached is null && only is null)
        {
            Directory.CreateDirectory(cacheFolder!);
            await File.WriteAllTextAsync(cacheFile, Newtonsoft.Json.JsonConvert.SerializeObject(new[] { outOfFold, ngramOutOfFold[SafetyModelFit.NgramLambda] }), cancellationToken).ConfigureAwait(false);
        }

        var held = Enumerable.Range(0, messages.Count).Where(i => outOfFold[i] is not null).ToList();
        if (args.Contains("--ngram-sweep"))
        {
            var budgetSweep = args.SkipWhile(a => a != "--budget").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(ModelFalseAlarmBudget);
            foreach (var lambda in lambdas)
            {
                foreach (var share in new[] { 0.0, 0.2, 0.34, 0.5, 0.67 })
                {
                    var blended = outOfFold.Select((p, i) => p is null ? null! : SafetyNgramHead.Blend(p, ngramOutOfFold[lambda][i], share)).ToArray();
                    var (c, p2) = Thresholds(held, messages, readings, blended, budgetSweep);
                    var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"sweep lambda {lambda:G3} share {share:F2} thresholds {c:F2}/{p2:F2}:"));
                    foreach (var author in folds.Append("pooled"))
                    {
                        var outcomes = held.Where(i => author == "pooled" || messages[i].Author == author).Select(i => Outcome(messages[i], readings[i], blended[i], c, p2)).ToList();
                        var risk = outcomes.Where(o => o.Message.IsRisk).ToList();
                        var safe = outcomes.Where(o => !o.Message.IsRisk).ToList();
                        var pastAlarms = outcomes.Count(o => o.Message.IsPast && o.Alarm) / (double)Math.Max(1, outcomes.Count(o => o.Message.IsPast));
                        line.Append(string.Create(CultureInfo.InvariantCulture, $" {author} {risk.Count(o => o.Alarm) / (double)risk.Count:F3}/{safe.Count(o => o.Alarm) / (double)safe.Count:F3}"));
                        if (author == "pooled")
                        {
                            line.Append(string.Create(CultureInfo.InvariantCulture, $" (past {pastAlarms:F3}; AUC model-alone {Auc(held, messages, blended):F3})"));
                        }
                    }

                    await output.WriteLineAsync(line.ToString()).ConfigureAwait(false);
                    var pastWins = held.Select(i =>
                    {
                        var o = Outcome(messages[i], readings[i], blended[i], c, p2);
                        return o.Result is { Layer: "model", Level: RiskLevel.Possible } && readings[i].Past != RiskClass.None && !readings[i].PresentMarker ? o with { Result = o.Result with { Level = RiskLevel.Past } } : o;
                    }).ToList();
                    var pr = pastWins.Where(o => o.Message.IsRisk).ToList();
                    var ps = pastWins.Where(o => !o.Message.IsRisk).ToList();
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    past wins over a possible-risk model alarm when the lexicon reads past and nothing present: pooled {pr.Count(o => o.Alarm) / (double)pr.Count:F3}/{ps.Count(o => o.Alarm) / (double)ps.Count:F3}, past {pastWins.Count(o => o.Message.IsPast && o.Alarm)}/{pastWins.Count(o => o.Message.IsPast)}")).ConfigureAwait(false);
                }
            }
        }

        if (args.Contains("--experiments"))
        {
            await output.WriteAsync(Experiments(held, messages, readings, texts, outOfFold, ngramOutOfFold[SafetyModelFit.NgramLambda])).ConfigureAwait(false);
        }

        for (var i = 0; i < messages.Count; i++)
        {
            if (outOfFold[i] is not null)
            {
                outOfFold[i] = SafetyNgramHead.Blend(outOfFold[i], ngramOutOfFold[SafetyModelFit.NgramLambda][i], SafetyNgramHead.ShareFor(texts[i], SafetyModelFit.NgramShare, SafetyModelFit.NgramFullWords));
            }
        }

        if (args.Contains("--curve"))
        {
            await output.WriteAsync(Curve(held, messages, readings, outOfFold)).ConfigureAwait(false);
        }

        var budget = args.SkipWhile(a => a != "--budget").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(ModelFalseAlarmBudget);
        var (clear, possible) = Thresholds(held, messages, readings, outOfFold, budget);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"thresholds from cross-validation by author ({string.Join(", ", folds)}): clear {clear:F2}, possible {possible:F2}")).ConfigureAwait(false);

        // Round ten's (a): per-class possible-risk thresholds, kept only by its nested leave-one-author-out test.
        var classes = RiskClasses.All.Count;
        var rows = SafetyExperiments.Rows(held, messages, readings, outOfFold);
        var (perClassReport, keepPerClass) = SafetyExperiments.NestedGuarded(rows, classes, SafetyExperiments.ScreenFalseAlarmLimit);
        var single = Enumerable.Repeat(possible, classes).ToArray();
        double[]? possibleByClass = WritesPerClass(args, keepPerClass) ? SafetyExperiments.GuardedPerClassThresholds(rows, classes, SafetyExperiments.ScreenFalseAlarmLimit, possible) : null;
        var shipped = possibleByClass ?? single;
        await output.WriteAsync(perClassReport).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"possible-risk thresholds that ship: {(possibleByClass is null ? $"one, {possible:F2}{(keepPerClass ? $" (the nested test kept per-class ones; {PerClassOption} writes them)" : string.Empty)}" : "per class " + string.Join(", ", RiskClasses.All.Select((c, k) => $"{RiskClasses.IdOf(c)} {possibleByClass[k]:F2}")))}")).ConfigureAwait(false);

        await output.WriteAsync(SeparateBudgets(held, messages, readings, outOfFold, budget, possible)).ConfigureAwait(false);
        var report = new StringBuilder();
        foreach (var author in folds)
        {
            var outcomes = held.Where(i => messages[i].Author == author).Select(i => Outcome(messages[i], readings[i], outOfFold[i], clear, shipped)).ToList();
            report.Append(EvaluationReport.Format($"held-out author {author} (trained on the others), lexicon + model", outcomes));
        }

        var pooled = held.Select(i => Outcome(messages[i], readings[i], outOfFold[i], clear, shipped)).ToList();
        if (possibleByClass is not null)
        {
            report.Append(EvaluationReport.Format("all held-out authors pooled, lexicon + model, ONE possible-risk threshold (before per-class)", held.Select(i => Outcome(messages[i], readings[i], outOfFold[i], clear, single)).ToList()));
        }

        report.Append(EvaluationReport.Format("all held-out authors pooled, lexicon + model", pooled));
        report.Append(EvaluationReport.Routing("all held-out authors pooled, lexicon + model", pooled));
        report.Append(CapReport(held, messages, readings, outOfFold, clear, possible));
        report.Append(ClosenessReport(held, messages, readings, outOfFold, clear, shipped).Report);
        var lexiconOnly = held.Select(i => new EvaluationOutcome(messages[i], SafetyScreen.Combine(readings[i], null))).ToList();
        report.Append(EvaluationReport.Format("the same messages, lexicon alone", lexiconOnly));
        await output.WriteAsync(report.ToString()).ConfigureAwait(false);
        if (args.Contains("--verbose"))
        {
            SafetyEvaluation.WriteMistakes(output, pooled);
        }

        if (args.Contains("--no-write"))
        {
            return 0;
        }

        final ??= SafetyModelFit.Fit(encoded, sentenceLambda, messageLambda);
        final.Ngram = finalNgram ?? SafetyNgramHead.Fit(texts, three, SafetyModelFit.NgramLambda);
        final.NgramShare = SafetyModelFit.NgramShare;
        final.NgramFullWords = SafetyModelFit.NgramFullWords;
        final.PossibleMinWords = SafetyModelFit.PossibleMinWords;
        final.Clear = clear;
        final.Possible = possible;
        final.PossibleByClass = possibleByClass is null ? null : [.. possibleByClass];
        final.Model = SentenceEmbedder.ModelName;
        // The encoder the vectors came from: start-up and validate accept these weights only with that precision.
        final.ModelSha256 = SentenceEmbedder.ModelFiles.EncoderSha256(precision) ?? throw new InvalidOperationException("the model's manifest pins no int8 graph (int8Sha256)");
        if (paired)
        {
            final.SecondModel = SentenceEmbedder.SecondModelName;
            final.SecondModelSha256 = SentenceEmbedder.SecondModelFiles.EncoderSha256(precision) ?? throw new InvalidOperationException("the second model's manifest pins no int8 graph (int8Sha256)");
        }

        final.TrainingSha256 = SafetyExamples.TrainingSha256(content);
        var perLabel = string.Join(", ", labels.Select(l => $"{l} {messages.Count(m => m.Label == l)}"));
        final.Trained = string.Create(CultureInfo.InvariantCulture, $"{messages.Count} messages ({perLabel}), class-balanced; sentence head L2 {SafetyModelFit.SentenceLambda}, message head L2 {SafetyModelFit.MessageLambda}, n-gram head L2 {SafetyModelFit.NgramLambda} ({final.Ngram.Vocabulary.Count} n-grams, share {SafetyModelFit.NgramShare}, full from {SafetyModelFit.NgramFullWords} words), {SafetyTrainer.Iterations} steps, on {precision} vectors{(paired ? " of all-MiniLM-L6-v2 then snowflake-arctic-embed-xs (768)" : string.Empty)}; possible-risk check from {SafetyModelFit.PossibleMinWords} words{(possibleByClass is null ? string.Empty : ", its threshold per likeliest class (round ten's guarded rule)")}; thresholds by cross-validation across authors {string.Join(", ", folds)} with the model adding at most {budget} false alarms");
        var path = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine(content, "safety", WeightsFile);
        await File.WriteAllTextAsync(path, final.ToJson(), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {path} in {watch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The authors held out one at a time: the development authors with enough messages. Examples, whatever author
    /// they name (round fifteen's <c>e15</c> beside <c>ex</c>), are trained on in every fold and never held out.
    /// </summary>
    public static List<string> Folds(IReadOnlyList<LabelledMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var exampleAuthors = messages.Where(m => m.Tag == SafetyExamples.Tag).Select(m => m.Author).ToHashSet(StringComparer.Ordinal);
        exampleAuthors.Add(SafetyExamples.Author);
        return [.. messages.Select(m => m.Author).Where(a => !exampleAuthors.Contains(a)).GroupBy(a => a).Where(g => g.Count() >= MinFold).Select(g => g.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether <c>model.json</c> gets per-class possible-risk thresholds: only when asked for (<see cref="PerClassOption"/>)
    /// and kept by round ten's nested test. By default one threshold for every class, the rule that ships.
    /// </summary>
    public static bool WritesPerClass(IReadOnlyList<string> args, bool keptByNestedTest)
    {
        ArgumentNullException.ThrowIfNull(args);
        return keptByNestedTest && args.Contains(PerClassOption, StringComparer.Ordinal);
    }

    /// <summary>Round four's sweep: the n-gram head's share and length gate, and the operating point, all by author.</summary>
    private static string Experiments(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, List<string> texts, double[][] embedded, double[][] ngram)
    {
        var text = new StringBuilder();
        var classes = RiskClasses.All.Count;
        foreach (var share in new[] { 0.0, 0.34, 0.5 })
        {
            foreach (var gate in share == 0 ? new[] { 0 } : new[] { 0, 6, 10, 16 })
            {
                var blended = embedded.Select((p, i) => p is null ? null! : SafetyNgramHead.Blend(p, ngram[i], SafetyNgramHead.ShareFor(texts[i], share, gate))).ToArray();
                var harmless = held.Where(i => !messages[i].IsRisk).ToList();
                var p2 = Enumerable.Range(5, 91).Select(i => i / 100.0).FirstOrDefault(t => harmless.Count(i => readings[i].Live == RiskClass.None && FreeText.Has(messages[i].Text) && ModelDecision.Risk(blended[i]) >= t) <= ModelFalseAlarmBudget * harmless.Count, 0.95);
                var rows = SafetyExperiments.Rows(held, messages, readings, blended);
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"share {share:F2} gate {gate}: round three's rule (model adds <= {ModelFalseAlarmBudget}) possible {p2:F2}"));
                foreach (var author in rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).Append("pooled"))
                {
                    var (r, f) = SafetyExperiments.Figures(rows.Where(x => author == "pooled" || x.Author == author), x => x.LexiconAlarm || (x.Free && x.Risk >= p2));
                    line.Append(string.Create(CultureInfo.InvariantCulture, $" {author} {r:F3}/{f:F3}"));
                }

                text.AppendLine(line.ToString());
                var t = SafetyExperiments.SingleThreshold(rows, SafetyExperiments.ScreenFalseAlarmLimit);
                var (r5, f5) = SafetyExperiments.Figures(rows, x => x.LexiconAlarm || (x.Free && x.Risk >= t));
                var perClassRecall = string.Join(", ", RiskClasses.All.Select(rc => string.Create(CultureInfo.InvariantCulture, $"{RiskClasses.IdOf(rc)} {SafetyExperiments.Figures(rows.Where((x, j) => !x.IsRisk || messages[held[j]].Class == rc), x => x.LexiconAlarm || (x.Free && x.Risk >= t)).Recall:F3}")));
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  round four's rule (whole screen <= {SafetyExperiments.ScreenFalseAlarmLimit}): possible {t:F2}: pooled {r5:F3}/{f5:F3}; {perClassRecall}"));
                text.Append(SafetyExperiments.Nested(rows, classes, SafetyExperiments.ScreenFalseAlarmLimit));
            }
        }

        return text.ToString();
    }

    private static double Option(string[] args, string name, double fallback)
        => args.SkipWhile(a => a != name).Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);

    private static readonly double[] NgramSweepLambdas = [3e-5, 1e-4, 2e-4];

    /// <summary>How well the model's risk alone ranks held-out risk messages above harmless ones.</summary>
    private static double Auc(List<int> held, List<LabelledMessage> messages, double[][] probabilities)
    {
        var risk = held.Where(i => messages[i].IsRisk).Select(i => ModelDecision.Risk(probabilities[i])).Order().ToArray();
        var safe = held.Where(i => !messages[i].IsRisk).Select(i => ModelDecision.Risk(probabilities[i])).ToArray();
        double wins = 0;
        foreach (var s in safe)
        {
            var below = LowerBound(risk, s);
            var upTo = UpperBound(risk, s);
            wins += (risk.Length - upTo) + ((upTo - below) / 2.0);
        }

        return wins / ((double)risk.Length * safe.Length);
    }

    private static int LowerBound(double[] sorted, double value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = sorted[mid] < value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double value)
    {
        var (lo, hi) = (0, sorted.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = sorted[mid] <= value ? (mid + 1, hi) : (lo, mid);
        }

        return lo;
    }

    private static EvaluationOutcome Outcome(LabelledMessage message, LexiconReading reading, double[] probabilities, double clear, double possible, bool? capModelOnly = null)
        => Outcome(message, reading, probabilities, clear, [.. Enumerable.Repeat(possible, RiskClasses.All.Count)], capModelOnly);

    /// <summary>
    /// One held-out message as the screen that ships would answer it: the layers joined, and round ten's closeness
    /// rule on the question the line answers (its <c>prompt</c>) when <paramref name="closeness"/> says so (by default
    /// as <see cref="SafetyScreen.ClosenessRule"/>); it changes which reply an alarm gets, never whether there is one.
    /// </summary>
    private static EvaluationOutcome Outcome(LabelledMessage message, LexiconReading reading, double[] probabilities, double clear, double[] possibleByClass, bool? capModelOnly = null, bool? closeness = null)
    {
        var normalized = reading.Normalized.Length > 0 ? reading.Normalized : message.Text;
        var model = reading.Live == RiskClass.None && FreeText.Has(message.Text) ? ModelDecision.Decide(probabilities, clear, ModelDecision.PossibleFor(normalized, clear, possibleByClass, SafetyModelFit.PossibleMinWords)) : null;
        var combined = SafetyScreen.Combine(reading, model, capModelOnly ?? SafetyScreen.ModelOnlyCap);
        var answersCloseness = Closeness is { } screen && screen.IsClosenessQuestion(message.Prompt);
        return new EvaluationOutcome(message, SafetyScreen.ForAnswer(combined, answersCloseness, closeness ?? SafetyScreen.ClosenessRule));
    }

    /// <summary>The lexicon whose closeness questions the cross-validation reads (set once per run, before any outcome).</summary>
    private static RiskScreen? Closeness { get; set; }

    /// <summary>
    /// Round ten's (b), both ways on the same held-out outcomes: on answers to the bot's own closeness questions, the
    /// harmless (none + past) full replies it spares and the risk messages it moves from the full reply to the check
    /// (attempts apart), per label and for `dv-` and `ea-`; and the decision by the rule (N = 1, no attempt moved).
    /// </summary>
    private static (string Report, bool Keep) ClosenessReport(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities, double clear, double[] possibleByClass)
    {
        var off = held.Select(i => Outcome(messages[i], readings[i], probabilities[i], clear, possibleByClass, closeness: false)).ToList();
        var on = held.Select(i => Outcome(messages[i], readings[i], probabilities[i], clear, possibleByClass, closeness: true)).ToList();
        var answering = held.Select(i => Closeness!.IsClosenessQuestion(messages[i].Prompt)).ToList();
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"closeness rule (round ten, (b)), held-out authors pooled: {answering.Count(a => a)} answers to closeness questions ({held.Where((_, j) => answering[j]).Select(i => messages[i].Author).Distinct().Count()} authors); label: answers, full replies without -> with the rule, alarms without -> with\n"));
        foreach (var label in messages.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal))
        {
            var mine = Enumerable.Range(0, held.Count).Where(j => answering[j] && messages[held[j]].Label == label).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-16} {mine.Count,4}: full {mine.Count(j => off[j].Result.Level == RiskLevel.Clear)} -> {mine.Count(j => on[j].Result.Level == RiskLevel.Clear)}; alarms {mine.Count(j => off[j].Alarm)} -> {mine.Count(j => on[j].Alarm)}"));
        }

        bool Moved(int j) => off[j].Result.Level == RiskLevel.Clear && on[j].Result.Level != RiskLevel.Clear;
        var spared = Enumerable.Range(0, held.Count).Count(j => Moved(j) && !messages[held[j]].IsRisk);
        var moved = Enumerable.Range(0, held.Count).Count(j => Moved(j) && messages[held[j]].IsRisk);
        var attempts = Enumerable.Range(0, held.Count).Count(j => Moved(j) && messages[held[j]].Class == RiskClass.Attempt);
        var lost = Enumerable.Range(0, held.Count).Count(j => off[j].Alarm && !on[j].Alarm);
        var keep = spared >= moved && attempts == 0 && lost == 0;
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  harmless full replies spared {spared}, risk messages moved to the check {moved} (attempts among them {attempts}), alarms lost {lost}: {(keep ? "KEPT" : "rejected")} (N = 1: kept only if spared >= moved and no attempt moves)"));
        foreach (var author in new[] { "dv", "ea" })
        {
            var mine = Enumerable.Range(0, held.Count).Where(j => messages[held[j]].Author == author && answering[j]).ToList();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {author}-: {mine.Count} answers to closeness questions; harmless full replies {mine.Count(j => !messages[held[j]].IsRisk && off[j].Result.Level == RiskLevel.Clear)} -> {mine.Count(j => !messages[held[j]].IsRisk && on[j].Result.Level == RiskLevel.Clear)}, risk moved {mine.Count(j => messages[held[j]].IsRisk && Moved(j))}"));
        }

        return (text.ToString(), keep);
    }

    /// <summary>
    /// Round nine's model-only cap, both ways on the same held-out probabilities: full replies (and alarms) per
    /// label without and with it, and per author the full replies on none messages. Alarms cannot differ (a
    /// full reply becomes a check, never nothing); the counts show it.
    /// </summary>
    private static string CapReport(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities, double clear, double possible)
    {
        var off = held.Select(i => Outcome(messages[i], readings[i], probabilities[i], clear, possible, capModelOnly: false)).ToList();
        var on = held.Select(i => Outcome(messages[i], readings[i], probabilities[i], clear, possible, capModelOnly: true)).ToList();
        var text = new StringBuilder("model-only cap (held-out authors pooled): label: full replies without -> with the cap; alarms without -> with; model-only full replies without\n");
        foreach (var label in messages.Select(m => m.Label).Distinct().Order(StringComparer.Ordinal))
        {
            int Full(List<EvaluationOutcome> o) => o.Count(x => x.Message.Label == label && x.Result.Level == RiskLevel.Clear);
            int Alarms(List<EvaluationOutcome> o) => o.Count(x => x.Message.Label == label && x.Alarm);
            var modelOnly = off.Count(x => x.Message.Label == label && x.Result is { Level: RiskLevel.Clear, Layer: "model" });
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-16} {off.Count(x => x.Message.Label == label),5}: full {Full(off)} -> {Full(on)}; alarms {Alarms(off)} -> {Alarms(on)}; model-only full {modelOnly}"));
        }

        var moved = held.Where((_, j) => off[j].Alarm && !on[j].Alarm).Count();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  messages moved from an alarm to none by the cap: {moved}"));
        text.Append("  none full replies per held-out author, without -> with:");
        foreach (var author in held.Select(i => messages[i].Author).Distinct().Order(StringComparer.Ordinal))
        {
            int NoneFull(List<EvaluationOutcome> o) => o.Count(x => x.Message.Author == author && x.Message.Label == SafetyModelWeights.LabelNone && x.Result.Level == RiskLevel.Clear);
            text.Append(string.Create(CultureInfo.InvariantCulture, $" {author} {NoneFull(off)}->{NoneFull(on)}"));
        }

        text.AppendLine();
        return text.ToString();
    }

    /// <summary>
    /// The model's share of full-reply false alarms, on held-out harmless messages the lexicon is silent on:
    /// the full reply may add at most a third of this. The lexicon alone already spends most of the
    /// false-alarm budget; the model has to earn its recall within the rest.
    /// </summary>
    public const double ModelFalseAlarmBudget = 0.015;

    /// <summary>
    /// Round four's rule, written before its figures: the possible-risk check takes the lowest threshold at
    /// which the whole screen (lexicon or model) alarms on at most <see cref="SafetyExperiments.ScreenFalseAlarmLimit"/>
    /// of held-out none + past messages, pooled; the full reply keeps round three's rule (the model adds at
    /// most a third of <paramref name="budget"/>). The gentle check is where recall is cheap.
    /// </summary>
    private static (double Clear, double Possible) Thresholds(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities, double budget)
    {
        var harmless = held.Where(i => !messages[i].IsRisk).ToList();
        double Rate(double t) => harmless.Count(i => readings[i].Live == RiskClass.None && FreeText.Has(messages[i].Text) && ModelDecision.Risk(probabilities[i]) >= t) / (double)Math.Max(1, harmless.Count);

        var grid = Enumerable.Range(5, 91).Select(i => i / 100.0).ToList();
        var possible = SafetyExperiments.SingleThreshold(SafetyExperiments.Rows(held, messages, readings, probabilities), SafetyExperiments.ScreenFalseAlarmLimit);
        var clear = grid.FirstOrDefault(t => t >= possible && Rate(t) <= budget / 3, 0.95);
        return (Math.Max(clear, possible), possible);
    }

    /// <summary>
    /// Round eight's question: none and past each with a false-alarm budget of its own instead of one pooled budget.
    /// Prints the trade around the chosen threshold and what the separate budgets would choose; writes nothing.
    /// </summary>
    private static string SeparateBudgets(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities, double budget, double pooledPossible)
    {
        var text = new StringBuilder("possible-risk threshold: recall / none false alarms / past false alarms / none+past (whole screen, held-out authors pooled)\n");
        var harmless = held.Where(i => !messages[i].IsRisk).ToList();
        double Rate(double t) => harmless.Count(i => readings[i].Live == RiskClass.None && FreeText.Has(messages[i].Text) && ModelDecision.Risk(probabilities[i]) >= t) / (double)Math.Max(1, harmless.Count);
        string Line(double possible)
        {
            var clear = Math.Max(Enumerable.Range(5, 91).Select(i => i / 100.0).FirstOrDefault(t => t >= possible && Rate(t) <= budget / 3, 0.95), possible);
            var outcomes = held.Select(i => Outcome(messages[i], readings[i], probabilities[i], clear, possible)).ToList();
            var risk = outcomes.Where(o => o.Message.IsRisk).ToList();
            var none = outcomes.Where(o => !o.Message.IsRisk && !o.Message.IsPast).ToList();
            var past = outcomes.Where(o => o.Message.IsPast).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{possible:F2} (clear {clear:F2}): {risk.Count(o => o.Alarm) / (double)risk.Count:F3} / {none.Count(o => o.Alarm) / (double)none.Count:F3} ({none.Count(o => o.Alarm)}) / {past.Count(o => o.Alarm) / (double)past.Count:F3} ({past.Count(o => o.Alarm)}) / {(none.Count(o => o.Alarm) + past.Count(o => o.Alarm)) / (double)(none.Count + past.Count):F3}");
        }

        foreach (var t in Enumerable.Range(70, 21).Select(i => i / 100.0))
        {
            text.AppendLine("  " + Line(t));
        }

        var separate = SafetyExperiments.SeparateThreshold(SafetyExperiments.Rows(held, messages, readings, probabilities), SafetyExperiments.NoneFalseAlarmLimit, SafetyExperiments.PastFalseAlarmLimit);
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  pooled budget (none+past <= {SafetyExperiments.ScreenFalseAlarmLimit}) chooses {Line(pooledPossible)}"));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  separate budgets (none <= {SafetyExperiments.NoneFalseAlarmLimit}, past <= {SafetyExperiments.PastFalseAlarmLimit}) choose {Line(separate)}"));
        return text.ToString();
    }

    /// <summary>How the model alone trades recall for false alarms on held-out messages, apart for those the lexicon fires on and those it does not.</summary>
    private static string Curve(List<int> held, List<LabelledMessage> messages, List<LexiconReading> readings, double[][] probabilities)
    {
        var text = new StringBuilder("model risk threshold: recall / false alarms, where the lexicon is silent | where it fires || the whole screen (lexicon or model), pooled\n");
        foreach (var t in new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95 })
        {
            bool Alarm(int i) => readings[i].Live != RiskClass.None || (FreeText.Has(messages[i].Text) && ModelDecision.Risk(probabilities[i]) >= t);
            var allRisk = held.Where(i => messages[i].IsRisk).ToList();
            var allSafe = held.Where(i => !messages[i].IsRisk).ToList();
            var whole = string.Create(CultureInfo.InvariantCulture, $"recall {allRisk.Count(Alarm) / (double)allRisk.Count:F3}, false alarms {allSafe.Count(Alarm) / (double)allSafe.Count:F3}");

            string Part(bool live)
            {
                var part = held.Where(i => (readings[i].Live != RiskClass.None) == live).ToList();
                var risk = part.Where(i => messages[i].IsRisk).ToList();
                var safe = part.Where(i => !messages[i].IsRisk).ToList();
                var caught = risk.Count(i => ModelDecision.Risk(probabilities[i]) >= t);
                var alarms = safe.Count(i => ModelDecision.Risk(probabilities[i]) >= t);
                return string.Create(CultureInfo.InvariantCulture, $"{caught}/{risk.Count} risk, {alarms}/{safe.Count} harmless");
            }

            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {t:F2}: {Part(false)} | {Part(true)} || {whole}"));
        }

        return text.ToString();
    }
}
