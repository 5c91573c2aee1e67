using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WorkPlan.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "region_id",
                table: "organisations",
                type: "integer",
                nullable: true);

            // Every existing centre gets the region it belongs to: the nearest regional centre above it (none for a
            // regional centre itself and for the national one), as the Organisation entity sets it for new ones.
            migrationBuilder.Sql("""
                WITH RECURSIVE above (id, ancestor) AS (
                    SELECT id, parent_id FROM organisations WHERE parent_id IS NOT NULL
                    UNION ALL
                    SELECT above.id, o.parent_id
                    FROM above JOIN organisations o ON o.id = above.ancestor
                    WHERE o.kind <> 'Regional' AND o.parent_id IS NOT NULL
                )
                UPDATE organisations o SET region_id = above.ancestor
                FROM above JOIN organisations a ON a.id = above.ancestor AND a.kind = 'Regional'
                WHERE o.id = above.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_region_id",
                table: "organisations",
                column: "region_id");

            migrationBuilder.AddForeignKey(
                name: "fk_organisations_organisations_region_id",
                table: "organisations",
                column: "region_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_organisations_organisations_region_id",
                table: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_organisations_region_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "region_id",
                table: "organisations");
        }
    }
}
