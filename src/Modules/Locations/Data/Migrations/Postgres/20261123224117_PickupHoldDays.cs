using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Locations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PickupHoldDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "pickup_hold_days",
                table: "locations_locations",
                type: "integer",
                nullable: false,
                defaultValue: 7);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pickup_hold_days",
                table: "locations_locations");
        }
    }
}
