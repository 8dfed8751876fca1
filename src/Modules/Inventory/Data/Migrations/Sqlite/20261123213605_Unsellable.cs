using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Omni.Inventory.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Unsellable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "unsellable",
                table: "inventory_positions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "unsellable",
                table: "inventory_movements",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "unsellable_after",
                table: "inventory_movements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "unsellable",
                table: "inventory_positions");

            migrationBuilder.DropColumn(
                name: "unsellable",
                table: "inventory_movements");

            migrationBuilder.DropColumn(
                name: "unsellable_after",
                table: "inventory_movements");
        }
    }
}
