using System.Diagnostics.CodeAnalysis;

namespace ReflectBot.Safety.Model;

/// <summary>Which all-MiniLM-L6-v2 graph the safety model reads vectors from (Safety:ModelPrecision).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the precisions, as an operator writes them in Safety:ModelPrecision.")]
public enum ModelPrecision
{
    /// <summary>The package's graph as it is: what dialogs/safety/model.json was trained on.</summary>
    Float32,

    /// <summary>
    /// The same graph with its weight matrices in int8 (<see cref="MiniLmQuantizer"/>): less CPU per run, vectors
    /// close to but not equal to Float32's, so it needs classifier weights trained on them.
    /// </summary>
    Int8,
}
