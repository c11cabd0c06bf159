using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Data;

/// <summary>
/// PostgreSQL only: tells each connection, as it opens, which area the context works in, and that area's safeguarding
/// partnership. The row-level security policies compare every area-owned row with the area, and every partnership-owned
/// row with the partnership, so a connection with neither sees no such rows.
/// </summary>
public sealed class AreaConnectionInterceptor : DbConnectionInterceptor
{
    public const string Setting = "safeguard.area";

    /// <summary>The partnership of the area, for partnership-owned tables (<see cref="DatabaseGuards.PostgreSqlPartnershipPolicies"/>).</summary>
    public const string PartnershipSetting = "safeguard.partnership";

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = SetAreaCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = SetAreaCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    private static DbCommand SetAreaCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"SELECT set_config('{Setting}', @area, false), set_config('{PartnershipSetting}', @partnership, false)";
        var context = eventData.Context as SafeguardDbContext;
        var area = command.CreateParameter();
        area.ParameterName = "area";
        area.Value = context?.CurrentAreaId?.ToString() ?? string.Empty;
        command.Parameters.Add(area);
        var partnership = command.CreateParameter();
        partnership.ParameterName = "partnership";
        // No partnership without an area: a context that has not chosen an area sees no partnership's records either.
        partnership.Value = context?.CurrentAreaId is null ? string.Empty : context.CurrentPartnershipId?.ToString() ?? string.Empty;
        command.Parameters.Add(partnership);
        return command;
    }
}
