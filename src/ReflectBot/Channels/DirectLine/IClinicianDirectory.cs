namespace ReflectBot.Channels.DirectLine;

/// <summary>Whether a user key is configured as a clinician's (the clinic answers; the web chat's sign-in links ask).</summary>
public interface IClinicianDirectory
{
    bool IsClinicianKey(string userKey);
}
