name := "shop"

scalaVersion := "2.13.14"

libraryDependencies ++= Seq(
  "com.typesafe.play" %% "play" % "2.9.4",
  "com.typesafe.slick" %% "slick" % "3.5.1"
)
