using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Encore.Server.Tests;

/// <summary>Small JSON helpers for requests and answers.</summary>
internal static class Json
{
    public static StringContent Body(object value) => Raw(JsonSerializer.Serialize(value, JsonSerializerOptions.Web));

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string[] Tracks(JsonElement response) => [.. response.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("track").GetString()!)];
}
