// The optional container path: a private registry the web app pulls from as its managed identity (AcrPull; no
// admin user, no anonymous pull). scripts/deploy-app.sh --container builds the image in it (az acr build, from the
// repository's Dockerfile, which builds the Web Chat bundle from package.json).
param name string
param location string
@description('Principal id of the managed identity that pulls the image.')
param principalId string

var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  sku: {
    name: 'Standard'
  }
  properties: {
    adminUserEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

resource pull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: registry
  name: guid(registry.id, principalId, acrPull)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}

output loginServer string = registry.properties.loginServer
output canPull string = pull.id
