module mapleak/gorun

go 1.19
