using Microsoft.AspNetCore.Http.Features;

namespace ReflectBot.Hosting;

/// <summary>Reads a request body up to a cap, whether or not the client said how long it is (chunked bodies too).</summary>
public static class RequestBodies
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/> (nothing past the cap is read).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int limit)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel then stops a chunked body at the cap itself; the count below holds on any server.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return copy.ToArray();
    }
}
