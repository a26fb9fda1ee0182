using ReflectBot.Content;

namespace ReflectBot.Clinic;

/// <summary>The words of a clinician's own reflections, in <c>dialogs/strings/clinic-reflections.yaml</c>.</summary>
public static class ReflectionStrings
{
    public static readonly StringKey TitleMissing = new("clinic-reflections.titleMissing");
    public static readonly StringKey TitleTooLong = new("clinic-reflections.titleTooLong", "length", "max");
    public static readonly StringKey NoQuestions = new("clinic-reflections.noQuestions");
    public static readonly StringKey TooManyQuestions = new("clinic-reflections.tooManyQuestions", "count", "max");
    public static readonly StringKey QuestionTooLong = new("clinic-reflections.questionTooLong", "number", "length", "max");
    public static readonly StringKey ChoicesCount = new("clinic-reflections.choicesCount", "number", "min", "max");
    public static readonly StringKey ChoiceTooLong = new("clinic-reflections.choiceTooLong", "number", "max");
    public static readonly StringKey TooManyReflections = new("clinic-reflections.tooManyReflections", "max");
    public static readonly StringKey Held = new("clinic-reflections.held");
    public static readonly StringKey NotSaved = new("clinic-reflections.notSaved", "problems");

    public static readonly StringKey Saved = new("clinic-reflections.saved", "title", "count");
    public static readonly StringKey Updated = new("clinic-reflections.updated", "title", "count");
    public static readonly StringKey NoReflections = new("clinic-reflections.noReflections");
    public static readonly StringKey List = new("clinic-reflections.list", "lines");
    public static readonly StringKey ListLine = new("clinic-reflections.listLine", "number", "title", "count");
    public static readonly StringKey NoSuchReflection = new("clinic-reflections.noSuchReflection");
    public static readonly StringKey Deleted = new("clinic-reflections.deleted", "title");
    public static readonly StringKey SaveFromForm = new("clinic-reflections.saveFromForm");

    public static readonly StringKey FormTitle = new("clinic-reflections.formTitle");
    public static readonly StringKey FormEditTitle = new("clinic-reflections.formEditTitle", "title");
    public static readonly StringKey FormSpeak = new("clinic-reflections.formSpeak", "max");
    public static readonly StringKey FormHint = new("clinic-reflections.formHint", "max");
    public static readonly StringKey FormTitleLabel = new("clinic-reflections.formTitleLabel");
    public static readonly StringKey FormTitleError = new("clinic-reflections.formTitleError", "max");
    public static readonly StringKey FormQuestionLabel = new("clinic-reflections.formQuestionLabel", "number");
    public static readonly StringKey FormKindLabel = new("clinic-reflections.formKindLabel", "number");
    public static readonly StringKey FormOptionsLabel = new("clinic-reflections.formOptionsLabel", "number");
    public static readonly StringKey FormSave = new("clinic-reflections.formSave");
    public static readonly StringKey KindText = new("clinic-reflections.kindText");
    public static readonly StringKey KindScale = new("clinic-reflections.kindScale");
    public static readonly StringKey KindChoice = new("clinic-reflections.kindChoice");

    public static readonly StringKey AskTitle = new("clinic-reflections.askTitle", "max");
    public static readonly StringKey AskTitleRetry = new("clinic-reflections.askTitleRetry", "max");
    public static readonly StringKey Editing = new("clinic-reflections.editing", "title");
    public static readonly StringKey AskFirstQuestion = new("clinic-reflections.askFirstQuestion");
    public static readonly StringKey AskQuestion = new("clinic-reflections.askQuestion", "number");
    public static readonly StringKey AskQuestionRetry = new("clinic-reflections.askQuestionRetry", "max");
    public static readonly StringKey NeedOneQuestion = new("clinic-reflections.needOneQuestion");
    public static readonly StringKey AskKind = new("clinic-reflections.askKind");
    public static readonly StringKey AskOptions = new("clinic-reflections.askOptions", "min", "max", "length");
    public static readonly StringKey AskOptionsRetry = new("clinic-reflections.askOptionsRetry", "min", "max", "length");
    public static readonly StringKey LastQuestion = new("clinic-reflections.lastQuestion", "max");
    public static readonly StringKey WriteGiveUp = new("clinic-reflections.writeGiveUp");

    public static readonly StringKey RunIntro = new("clinic-reflections.runIntro", "clinician", "count", "title");
    public static readonly StringKey RunQuestion = new("clinic-reflections.runQuestion", "number", "count", "question");

    /// <summary>How a kind of question is answered, as the form and the terminal offer it.</summary>
    public static StringKey Kind(QuestionKind kind) => kind switch
    {
        QuestionKind.Scale => KindScale,
        QuestionKind.Choice => KindChoice,
        _ => KindText,
    };
}
