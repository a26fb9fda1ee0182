using Newtonsoft.Json.Linq;

namespace ReflectBot.Storage;

/// <summary>
/// Whether a stored state holds nothing: every value in it is null, an empty list, or an object of such values.
/// Read back, such a state is what a new one is (a dialog stack with nothing on it, a listing with no ids), so it
/// need not be stored. Numbers, booleans and text always count, whatever they are: a 0 or a false may mean something a
/// default does not.
/// </summary>
public static class BlankState
{
    public static bool Is(JToken? token) => token is null || token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => true,
        JTokenType.Array => !token.HasValues,
        JTokenType.Object => ((JObject)token).Properties().All(p => Is(p.Value)),
        _ => false,
    };
}
