// Storage behind a private endpoint: a virtual network with one subnet the web app integrates with (outbound) and
// one for private endpoints, the privatelink DNS zone for blobs linked to it, and the storage account's endpoint.
// The app routes all outbound traffic through the network (vnetRouteAllEnabled in web.bicep), so it resolves the
// account's name to the private address; everything else it calls (Bot Connector, Entra, Key Vault, Application
// Insights) still leaves through App Service's outbound path.
param name string
param location string
@description('Address space of the network, at least a /24; the two subnets are its first two /26s.')
param addressPrefix string
param storageAccountId string

var appSubnet = cidrSubnet(addressPrefix, 26, 0)
var endpointSubnet = cidrSubnet(addressPrefix, 26, 1)
var blobZone = 'privatelink.blob.${environment().suffixes.storage}'

resource vnet 'Microsoft.Network/virtualNetworks@2024-01-01' = {
  name: name
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        addressPrefix
      ]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnet
          delegations: [
            {
              name: 'web'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: endpointSubnet
          privateEndpointNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

resource zone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: blobZone
  location: 'global'
}

resource zoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: zone
  name: name
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: vnet.id
    }
  }
}

resource endpoint 'Microsoft.Network/privateEndpoints@2024-01-01' = {
  name: '${name}-blob'
  location: location
  properties: {
    subnet: {
      id: vnet.properties.subnets[1].id
    }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: storageAccountId
          groupIds: [
            'blob'
          ]
        }
      }
    ]
  }
}

resource endpointDns 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-01-01' = {
  parent: endpoint
  name: 'blob'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: 'blob'
        properties: {
          privateDnsZoneId: zone.id
        }
      }
    ]
  }
}

output appSubnetId string = vnet.properties.subnets[0].id
