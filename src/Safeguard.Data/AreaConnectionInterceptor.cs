using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Safeguard.Data;

/// <summary>
/// PostgreSQL only: tells each connection, as it opens, which area the context works in. The row-level security
/// policies compare every area-owned row with this setting, so a connection with no area sees no such rows.
/// </summary>
public sealed class AreaConnectionInterceptor : DbConnectionInterceptor
{
    public const string Setting = "safeguard.area";

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
        command.CommandText = $"SELECT set_config('{Setting}', @area, false)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "area";
        parameter.Value = (eventData.Context as SafeguardDbContext)?.CurrentAreaId?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
        return command;
    }
}
