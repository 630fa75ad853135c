CREATE TABLE "period_points_histogram" (
	"period" "period" NOT NULL,
	"period_start" date NOT NULL,
	"district_id" smallint NOT NULL,
	"points" integer NOT NULL,
	"users" integer NOT NULL,
	CONSTRAINT "period_points_histogram_period_period_start_district_id_points_pk" PRIMARY KEY("period","period_start","district_id","points")
);
