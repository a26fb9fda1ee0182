namespace ReflectBot.Clinic;

/// <summary>What one scheduler round did; Led is false when another instance held the lease.</summary>
public sealed record DeliveryRound(bool Led, int Sent, int Missed);
