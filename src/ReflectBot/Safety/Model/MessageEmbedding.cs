namespace ReflectBot.Safety.Model;

/// <summary>A message as the model reads it: the whole message (one vector per window) and each of its sentences (none when it is one sentence).</summary>
public sealed record MessageEmbedding(float[][] Whole, float[][] Sentences);
